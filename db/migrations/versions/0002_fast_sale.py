"""fast sale (PostgreSQL): sk_cost_share and sk_fast_sale

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 02:20:00

A sale on PostgreSQL posts through one function call sent with its COMMIT
(db.fastsale), so the rows every sale fights over -- the hot product's stock
row, the day's number counter, the audit head -- are held for that one call
and the commit's flush, not for round trips and Python in between. What
depends on no contended row goes first: the document (under a placeholder
number), its payment, the customer's ledger entry. Then, in the lock order of
every posting (db.posting): stock rows by product id, priced at the moving
average exactly as db.money.cost_share does, the customer's balance, the
number counter, the audit head, chained with db.audit.row_hash's recipe.
Stock short (or a row missing): SQLSTATE SK001 and the whole transaction
rolls back; the ordinary posting then runs and says why (or flags the move
where the shop allows negative stock). SQLite has no functions: nothing here.

The SQL below is frozen as db.money's *_sql helpers rendered it when this
migration was written; a later change to the rules needs a new migration.
tests/integration/test_money_sql.py and test_fast_sale.py check that the
installed functions still agree with db.money and with the ordinary posting.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

COST_SHARE = """
CREATE OR REPLACE FUNCTION sk_cost_share(v numeric, q numeric, o numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT (CASE WHEN (o)::numeric = (q)::numeric THEN (v)::numeric ELSE (sign((((v)::numeric * (o)::numeric)::numeric)) * sign(((q)::numeric)) * div(2 * abs((((v)::numeric * (o)::numeric)::numeric)) + abs(((q)::numeric)), 2 * abs(((q)::numeric)))) END)
$fn$
"""

UNIT_COST = """
CREATE OR REPLACE FUNCTION sk_unit_cost(v numeric, q numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT (CASE WHEN (q)::numeric <= 0 THEN 0::numeric ELSE (sign((((v)::numeric * 1000)::numeric)) * sign(((q)::numeric)) * div(2 * abs((((v)::numeric * 1000)::numeric)) + abs(((q)::numeric)), 2 * abs(((q)::numeric)))) END)
$fn$
"""

FAST_SALE = """
CREATE OR REPLACE FUNCTION sk_fast_sale(
    p_client_id text, p_user_id integer, p_user_name text, p_customer text, p_payment text,
    p_doc_date date, p_day text, p_prefix text, p_at text,
    p_codes text[], p_qtys bigint[], p_prices bigint[],
    OUT outcome text, OUT doc_id bigint, OUT doc_number text, OUT doc_kind text,
    OUT doc_total bigint, OUT doc_status text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $fn$
DECLARE
    v_at timestamp := p_at::timestamp;
    v_n integer := cardinality(p_codes);
    v_customer integer;
    v_products integer[];
    v_list bigint[];
    v_price bigint[] := '{}';
    v_amount bigint[] := '{}';
    v_found integer;
    v_distinct integer;
    v_tracked boolean;
    v_ids integer[];
    v_q bigint[];
    v_v bigint[];
    v_cost bigint[] := '{}';
    v_unit bigint[] := '{}';
    v_last integer;
    v_seq bigint;
    v_prev text;
    v_hash text;
    v_detail text;
    k integer;
BEGIN
    -- 0. A client id seen before: its first result, nothing written.
    IF p_client_id IS NOT NULL THEN
        SELECT id, number, kind, total, status INTO doc_id, doc_number, doc_kind, doc_total, doc_status
          FROM documents WHERE client_id = p_client_id;
        IF FOUND THEN
            outcome := 'replay';
            RETURN;
        END IF;
    END IF;
    -- The customer by name, every code by SKU or else barcode (db.posting.resolve_products).
    -- Anything this path does not take: 'declined', nothing written.
    outcome := 'declined';
    IF p_customer IS NOT NULL THEN
        SELECT id INTO v_customer FROM customers WHERE name = p_customer;
        IF NOT FOUND THEN
            RETURN;
        END IF;
    END IF;
    SELECT array_agg(r.id ORDER BY c.ord), array_agg(r.price ORDER BY c.ord), count(r.id),
           count(DISTINCT r.id), bool_or(r.batch_tracked)
      INTO v_products, v_list, v_found, v_distinct, v_tracked
      FROM unnest(p_codes) WITH ORDINALITY AS c(code, ord)
      LEFT JOIN LATERAL (
            SELECT x.id, x.price, x.batch_tracked FROM (
                SELECT 1 AS pref, id, price, batch_tracked FROM products WHERE sku = c.code
                UNION ALL
                SELECT 2, p.id, p.price, p.batch_tracked
                  FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = c.code) x
             ORDER BY x.pref LIMIT 1) r ON true;
    IF v_found <> v_n OR v_distinct <> v_n OR v_tracked THEN
        RETURN;
    END IF;
    FOR i IN 1..v_n LOOP
        v_price[i] := coalesce(p_prices[i], v_list[i]);
        v_amount[i] := (sign((((v_price[i])::numeric * (p_qtys[i])::numeric)::numeric)) * sign(((1000)::numeric)) * div(2 * abs((((v_price[i])::numeric * (p_qtys[i])::numeric)::numeric)) + abs(((1000)::numeric)), 2 * abs(((1000)::numeric))));
    END LOOP;
    doc_total := (SELECT sum(a) FROM unnest(v_amount) AS a);
    outcome := 'posted';
    doc_kind := 'sale';
    doc_status := 'posted';

    -- 1. Rows no other sale needs (their foreign keys checked here, outside the
    --    locks): the document under a placeholder number, its lines (cost to
    --    come), its payment, the customer's ledger entry.
    doc_id := nextval('documents_id_seq');
    INSERT INTO documents (id, kind, number, status, client_id, customer_id, payment, total,
                           user_id, doc_date, created_at, posted_at, urgent, note)
    VALUES (doc_id, 'sale', 'pending-' || doc_id, 'posted', p_client_id, v_customer,
            p_payment, doc_total, p_user_id, p_doc_date, v_at, v_at, false, '');
    INSERT INTO document_lines (document_id, line_no, product_id, qty, price, amount, cost)
    SELECT doc_id, w.line_no, w.pid, w.qty, w.price, w.amount, 0
      FROM unnest(v_products, p_qtys, v_price, v_amount)
           WITH ORDINALITY AS w(pid, qty, price, amount, line_no);
    INSERT INTO document_payments (document_id, method, amount)
    VALUES (doc_id, p_payment, doc_total);
    IF p_payment = 'account' THEN
        INSERT INTO account_ledger (document_id, customer_id, amount, user_id, created_at)
        VALUES (doc_id, v_customer, doc_total, p_user_id, v_at);
    END IF;

    -- 2. Stock rows, locked in product-id order; every product once, enough of it.
    SELECT array_agg(s.product_id), array_agg(s.qty), array_agg(s.value)
      INTO v_ids, v_q, v_v
      FROM (SELECT product_id, qty, value FROM stock WHERE product_id = ANY(v_products)
            ORDER BY product_id FOR UPDATE) s;
    IF coalesce(cardinality(v_ids), 0) <> v_n THEN
        RAISE EXCEPTION 'fast sale: a product has no stock row' USING ERRCODE = 'SK001';
    END IF;
    FOR i IN 1..v_n LOOP
        k := array_position(v_ids, v_products[i]);
        IF v_q[k] < p_qtys[i] OR v_q[k] <= 0 THEN
            RAISE EXCEPTION 'fast sale: not enough stock of product %', v_products[i]
                USING ERRCODE = 'SK001';
        END IF;
        v_cost[i] := sk_cost_share(v_v[k], v_q[k], p_qtys[i]);
        v_unit[i] := sk_unit_cost(v_cost[i], p_qtys[i]);
    END LOOP;
    UPDATE stock s SET qty = s.qty - w.qty, value = s.value - w.cost
      FROM unnest(v_products, p_qtys, v_cost) AS w(pid, qty, cost)
     WHERE s.product_id = w.pid;
    INSERT INTO stock_ledger (document_id, line_no, product_id, qty, unit_cost, value, user_id,
                              created_at)
    SELECT doc_id, w.line_no, w.pid, -w.qty, w.unit, -w.cost, p_user_id, v_at
      FROM unnest(v_products, p_qtys, v_cost, v_unit)
           WITH ORDINALITY AS w(pid, qty, cost, unit, line_no);
    UPDATE document_lines l SET cost = w.cost
      FROM unnest(v_cost) WITH ORDINALITY AS w(cost, line_no)
     WHERE l.document_id = doc_id AND l.line_no = w.line_no;

    -- 3. The customer's balance (after stock, as in every posting).
    IF p_payment = 'account' THEN
        UPDATE customers SET balance = balance + doc_total WHERE id = v_customer;
    END IF;

    -- 4. The number: per kind and day, gapless (the counter row is held to the commit).
    INSERT INTO doc_counters (kind, day, last) VALUES ('sale', p_day, 1)
    ON CONFLICT (kind, day) DO UPDATE SET last = doc_counters.last + 1
    RETURNING last INTO v_last;
    doc_number := p_prefix || p_day || '-'
                  || CASE WHEN v_last < 10000 THEN lpad(v_last::text, 4, '0') ELSE v_last::text END;
    UPDATE documents SET number = doc_number WHERE id = doc_id;

    -- 5. The audit row, chained to the head (the last lock): db.audit.row_hash over
    --    db.audit.dump_detail({"total", "payment", "lines"}), as db.documents.sale writes it.
    SELECT seq + 1, hash INTO v_seq, v_prev FROM audit_head WHERE id = 1 FOR UPDATE;
    v_detail := '{"lines":' || v_n || ',"payment":' || to_json(p_payment)::text
              || ',"total":"' || (CASE WHEN (doc_total) < 0 THEN '-' ELSE '' END || (abs(doc_total) / 100)::text || '.' || lpad((abs(doc_total) % 100)::text, 2, '0')) || '"}';
    INSERT INTO audit_log (seq, at, user_id, user_name, action, entity, entity_id, detail,
                           prev_hash, hash)
    VALUES (v_seq, v_at, p_user_id, p_user_name, 'post', 'sale', doc_number, v_detail, v_prev,
            encode(sha256(convert_to(concat_ws(chr(31), v_seq::text, p_at,
                   coalesce(p_user_id::text, ''), p_user_name, 'post', 'sale', doc_number,
                   v_detail, v_prev), 'UTF8')), 'hex'))
    RETURNING hash INTO v_hash;
    UPDATE audit_head SET seq = v_seq, hash = v_hash WHERE id = 1;
END
$fn$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in (COST_SHARE, UNIT_COST, FAST_SALE):
        op.execute(sa.text(sql))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(sa.text("DROP FUNCTION IF EXISTS sk_fast_sale(text, integer, text, text, text, "
                       "date, text, text, text, text[], bigint[], bigint[])"))
    op.execute(sa.text("DROP FUNCTION IF EXISTS sk_unit_cost(numeric, numeric)"))
    op.execute(sa.text("DROP FUNCTION IF EXISTS sk_cost_share(numeric, numeric, numeric)"))

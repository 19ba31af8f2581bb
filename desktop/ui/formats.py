"""Numbers, money, quantities and dates as the screens show them, by the locale.

The one place that turns a value into on-screen text. Everything follows the
current default QLocale (desktop.ui.i18n.install sets it: zh_CN for Chinese,
en_US for English):

  * money_text(fen): grouped, always two decimals: 12,345,678.90; -0.30.
    Built from db.money.money_str's digits and the locale's group separator,
    decimal point and minus sign -- integers and strings, never a float.
  * qty_text(milli): the same rule as db.money.qty_str (whole numbers plain,
    else three decimals), grouped: 1,234 / 1,234.500.
  * count_text(n): a count, grouped (QLocale.toString of an int).
  * percent_text(permille): one decimal and the locale's percent sign: 12.3%.
  * date_text(d): the locale's short date with a four-digit year: zh_CN
    2026/12/3, en_US 12/3/2026; time_text: 24-hour HH:mm (or HH:mm:ss) in
    every locale; datetime_text: the two, one space apart; when_text: a date
    or a date and time, whichever the value is. date_format() is the same
    pattern for QDateEdit.setDisplayFormat (date_edit_format).

What a person types into a field and the screen parses back goes through
plain_number (parse_money_text, parse_qty_text): the plain form '1234.5'
is always taken, and so is the locale's grouped form '1,234.50'; a group
separator where groups of three do not fit ('12,50' in English or Chinese)
is refused rather than guessed at. What is pre-filled into an editable field
stays plain (db.money.money_str), so it parses back as it was.

Not for the command line, JSON, Excel or the printed documents' own layout:
those stay machine-readable (db.money, ISO dates).
"""
from __future__ import annotations

import datetime as dt
import operator
import re
from typing import Any

from PySide6.QtCore import QDate, QLocale

from db.errors import BooksError
from db.money import money_str, parse_money, parse_qty, qty_str


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def _group_separator(loc: QLocale) -> str:
    if loc.numberOptions() & QLocale.NumberOption.OmitGroupSeparator:
        return ""
    return loc.groupSeparator()


def _group(digits: str, separator: str) -> str:
    """'1234567' -> '1,234,567' (ASCII digits, no sign)."""
    if not separator or len(digits) <= 3:
        return digits
    head = len(digits) % 3 or 3
    return digits[:head] + "".join(separator + digits[i:i + 3]
                                   for i in range(head, len(digits), 3))


def localized(plain: str, locale: QLocale | None = None) -> str:
    """A plain decimal string ('-1234567.50', as db.money writes them) in the
    locale: its minus sign, group separator and decimal point."""
    loc = _locale(locale)
    sign = ""
    if plain.startswith("-"):
        sign, plain = loc.negativeSign(), plain[1:]
    whole, dot, fraction = plain.partition(".")
    text = _group(whole, _group_separator(loc))
    return sign + text + (loc.decimalPoint() + fraction if dot else "")


def money_text(fen: int, locale: QLocale | None = None) -> str:
    """1234550 fen -> '12,345.50' (zh_CN, en_US); always two decimals. Fen are an
    integer: a float is refused (TypeError), never rounded."""
    return localized(money_str(operator.index(fen)), locale)


def qty_text(milli: int, locale: QLocale | None = None) -> str:
    """3000 -> '3', 1234500 -> '1,234.500' (whole, or three decimals)."""
    return localized(qty_str(operator.index(milli)), locale)


def signed_qty_text(milli: int, locale: QLocale | None = None) -> str:
    """A difference: '+2', '-0.500', '0'."""
    text = qty_text(milli, locale)
    return ("+" if milli > 0 else "") + text


def count_text(n: int, locale: QLocale | None = None) -> str:
    """12345 -> '12,345'."""
    return _locale(locale).toString(operator.index(n))


def percent_text(permille: int | None, locale: QLocale | None = None) -> str:
    """123 permille -> '12.3%' (one decimal, the locale's decimal point and sign)."""
    if permille is None:
        return ""
    loc = _locale(locale)
    sign = "-" if permille < 0 else ""
    q, r = divmod(abs(operator.index(permille)), 10)
    return localized(f"{sign}{q}.{r}", loc) + loc.percent()


# ---------------------------------------------------------------- dates and times

def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date pattern with a four-digit year: 'yyyy/M/d' (zh_CN),
    'M/d/yyyy' (en_US). For QDateEdit.setDisplayFormat as for date_text."""
    pattern = _locale(locale).dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub(r"y+", "yyyy", pattern) if "y" in pattern else pattern + " yyyy"


date_edit_format = date_format


def _strip_section(pattern: str, letter: str) -> str:
    """The pattern without one section (all of `letter`) and the separator beside it."""
    out = re.sub(rf"{letter}+[^dMy]*", "", pattern, count=1)
    if out == pattern:
        return pattern
    return re.sub(r"[^dMy]+$", "", re.sub(r"^[^dMy]+", "", out))


def month_format(locale: QLocale | None = None) -> str:
    """A month of a year: 'yyyy/M' (zh_CN), 'M/yyyy' (en_US)."""
    return _strip_section(date_format(locale), "d")


def day_format(locale: QLocale | None = None) -> str:
    """A day of a month, no year (chart axes): 'M/d'."""
    return _strip_section(date_format(locale), "y")


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day())
    return _as_datetime(value).date() if len(str(value).strip()) > 10 else \
        dt.date.fromisoformat(str(value).strip())


def _as_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return dt.datetime.fromisoformat(str(value).strip())


def date_text(value: Any, locale: QLocale | None = None) -> str:
    """A date (a datetime's day, a QDate, or ISO text) as the locale writes it:
    2026/12/3 (zh_CN), 12/3/2026 (en_US). '' for None."""
    d = _as_date(value)
    if d is None:
        return ""
    loc = _locale(locale)
    return loc.toString(QDate(d.year, d.month, d.day), date_format(loc))


def month_text(year: int, month: int, locale: QLocale | None = None) -> str:
    loc = _locale(locale)
    return loc.toString(QDate(year, month, 1), month_format(loc))


def time_text(value: Any, seconds: bool = False) -> str:
    """24-hour time in every locale: '14:05' ('14:05:09' with seconds)."""
    if value is None or value == "":
        return ""
    t = value if isinstance(value, dt.time) else _as_datetime(value).time()
    return f"{t:%H:%M:%S}" if seconds else f"{t:%H:%M}"


def datetime_text(value: Any, seconds: bool = False, locale: QLocale | None = None) -> str:
    """'2026/12/3 14:05' (zh_CN), '12/3/2026 14:05' (en_US); '' for None."""
    if value is None or value == "":
        return ""
    stamp = _as_datetime(value)
    return f"{date_text(stamp, locale)} {time_text(stamp, seconds)}"


def when_text(value: Any, seconds: bool = False, locale: QLocale | None = None) -> str:
    """A date, or a date and time: whichever the value is (ISO text as well)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime) or (isinstance(value, str) and len(value.strip()) > 10):
        return datetime_text(value, seconds, locale)
    return date_text(value, locale)


# ---------------------------------------------------------------- reading what was typed

def parse_date_text(text: str, locale: QLocale | None = None) -> dt.date:
    """A typed date: ISO (2027-03-31) or as the locale writes it (2027/3/31 in
    zh_CN, 3/31/2027 in en_US). ValueError when it is neither."""
    text = (text or "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    loc = _locale(locale)
    d = loc.toDate(text, date_format(loc))
    if not d.isValid():
        raise ValueError(f"'{text}' is not a date")
    return dt.date(d.year(), d.month(), d.day())


_DIGITS = re.compile(r"\d*")


def plain_number(text: str, what: str = "number", locale: QLocale | None = None) -> str:
    """What a person typed -> the plain form db.money parses ('-1234.5').

    Taken: the plain form ('1234.5', '.5', '-2'; '.' or the locale's decimal
    point) and the locale's grouped form ('1,234.50': groups of three after
    the first). Anything else with a separator is refused (BooksError), so
    '1,234' is never read as 1.234 nor '12,50' as 1250."""
    loc = _locale(locale)
    s = (text or "").strip()
    sign = ""
    for minus in ("-", "\u2212", loc.negativeSign().strip() or "-"):
        if s.startswith(minus):
            sign, s = "-", s[len(minus):].strip()
            break
    else:
        if s.startswith("+"):
            s = s[1:].strip()
    point, group = loc.decimalPoint(), loc.groupSeparator()
    if group.isspace() or group in ("\u00a0", "\u202f"):
        s = re.sub(r"[\s\u00a0\u202f]", group, s)

    def refuse() -> BooksError:
        return BooksError(f"{what} '{text.strip() if text else text}' is not a number")

    # the plain form: digits, at most one decimal mark ('.' or the locale's)
    marks = [m for m in {".", point} if m in s]
    if len(marks) <= 1:
        mark = marks[0] if marks else "."
        whole, _, fraction = s.partition(mark)
        if _DIGITS.fullmatch(whole) and _DIGITS.fullmatch(fraction) and (whole or fraction):
            return f"{sign}{whole or '0'}" + (f".{fraction}" if fraction else "")
    # the grouped form of the locale
    if group and group in s:
        whole, has_point, fraction = s.partition(point)
        if point not in fraction and _DIGITS.fullmatch(fraction) and \
                re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", whole):
            return sign + whole.replace(group, "") + (f".{fraction}" if has_point and fraction
                                                     else "")
    raise refuse()


def parse_money_text(text: str, what: str = "amount", locale: QLocale | None = None) -> int:
    """Typed money -> fen (db.money.parse_money on the plain form)."""
    return parse_money(plain_number(text, what, locale), what)


def parse_qty_text(text: str, what: str = "quantity", locale: QLocale | None = None) -> int:
    """A typed quantity -> thousandths (db.money.parse_qty on the plain form)."""
    return parse_qty(plain_number(text, what, locale), what)


def number_pattern(decimals: int, signed: bool = False, locale: QLocale | None = None) -> str:
    """A permissive regular expression for a line edit's validator: digits, the
    locale's group separator, one decimal mark ('.' or the locale's) and up to
    `decimals` decimals. plain_number does the real checking."""
    loc = _locale(locale)
    group = re.escape(loc.groupSeparator())
    marks = "".join(sorted({re.escape("."), re.escape(loc.decimalPoint())}))
    sign = r"[-+]?" if signed else ""
    return rf"^\s*{sign}[\d{group}]{{0,15}}([{marks}]\d{{0,{decimals}}})?\s*$"

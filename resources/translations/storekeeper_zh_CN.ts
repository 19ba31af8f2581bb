<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="60"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="68"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="69"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="70"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="71"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="74"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="86"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Adjust</name>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="27"/>
        <source>Damage</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="27"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="28"/>
        <source>Loss</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="28"/>
        <source>Gift</source>
        <translation>赠送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="29"/>
        <source>Sample</source>
        <translation>试吃/样品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="30"/>
        <source>Internal use</source>
        <translation>内部领用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="31"/>
        <source>Found</source>
        <translation>盘盈/找到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="31"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="42"/>
        <source>Adjust stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="48"/>
        <source>SKU or barcode</source>
        <translation>编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="51"/>
        <source>-2 takes two away, 3 adds three</source>
        <translation>-2 为减少两个，3 为增加三个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="58"/>
        <source>only for products kept by batch</source>
        <translation>仅按批次管理的商品填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="61"/>
        <source>what happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="62"/>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="63"/>
        <source>Quantity (+/-):</source>
        <translation>数量（+/-）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="64"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="65"/>
        <source>Batch:</source>
        <translation>批号：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="66"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="101"/>
        <location filename="../../desktop/ui/help.py" line="266"/>
        <source>Adjust stock…</source>
        <translation>库存调整…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="111"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="112"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="115"/>
        <location filename="../../desktop/ui/adjustments_ui.py" line="142"/>
        <source>Adjustments by reason</source>
        <translation>按原因的库存调整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="118"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="123"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="124"/>
        <source>Documents</source>
        <translation>单据数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="125"/>
        <source>In</source>
        <translation>增加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="126"/>
        <source>Out</source>
        <translation>减少</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/adjustments_ui.py" line="128"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="27"/>
        <source>Below minimum</source>
        <translation>低于下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="28"/>
        <source>Above maximum</source>
        <translation>高于上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="29"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="30"/>
        <source>Expiring</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="31"/>
        <source>Negative stock</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="32"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="43"/>
        <source>{name}: {qty} on hand, below the minimum of {min}</source>
        <translation>{name}：库存 {qty}，低于下限 {min}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="46"/>
        <source>{name}: {qty} on hand, above the maximum of {max}</source>
        <translation>{name}：库存 {qty}，高于上限 {max}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="49"/>
        <source>{name}: {qty} on hand, below zero: more was sold than came in; count it</source>
        <translation>{name}：库存 {qty}，已为负数：卖出多于入库，请盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="52"/>
        <source>{name} batch {batch}: {qty} on hand expired on {date} and cannot be sold</source>
        <translation>{name} 批次 {batch}：库存 {qty}，已于 {date} 过期，不能销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="56"/>
        <source>{name} batch {batch}: {qty} on hand expires on {date} ({days} days)</source>
        <translation>{name} 批次 {batch}：库存 {qty}，将于 {date} 到期（{days} 天）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="84"/>
        <source>Stock alerts: …</source>
        <translation>库存预警：…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="95"/>
        <source>Stock alerts: {n}</source>
        <translation>库存预警：{n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="110"/>
        <source>Stock alerts</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="113"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="114"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="115"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="128"/>
        <source>Send to the webhook</source>
        <translation>发送到群机器人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="136"/>
        <source>No webhook is set in Settings.</source>
        <translation>设置中尚未填写群机器人地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="140"/>
        <source>Nothing needs attention.</source>
        <translation>没有需要处理的事项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/alerts_view.py" line="155"/>
        <source>Sent {n} alerts to the webhook.</source>
        <translation>已将 {n} 条预警发送到群机器人。</translation>
    </message>
</context>
<context>
    <name>Anomalies</name>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="39"/>
        <source>Reports are for the owner, managers and the bookkeeper.</source>
        <translation>报表仅限店主、经理和会计查看。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="64"/>
        <source>After hours</source>
        <translation>非营业时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="65"/>
        <source>{n} outside hours: {p} postings, {c} cancels, {e} edits</source>
        <translation>非营业时间 {n} 次：过账 {p}，作废 {c}，修改 {e}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="71"/>
        <source>Cancels</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="72"/>
        <source>{n} cancelled</source>
        <translation>作废 {n} 张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="75"/>
        <source>Large adjustment</source>
        <translation>大额调整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="76"/>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="79"/>
        <source>Sale below cost</source>
        <translation>低于成本销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="81"/>
        <source>{qty} at {price}, unit cost {cost}</source>
        <translation>{qty} × {price}，单位成本 {cost}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="87"/>
        <source>Count variances</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="89"/>
        <source>{v} of the last {n} counts differ: {diffs}</source>
        <translation>最近 {n} 次盘点中 {v} 次有差异：{diffs}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="100"/>
        <source>Week of</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="103"/>
        <location filename="../../desktop/ui/anomaly_reports.py" line="231"/>
        <source>Weekly anomalies</source>
        <translation>每周异常</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="107"/>
        <source>Week: {start} to {end}</source>
        <translation>周：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="114"/>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="115"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="116"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="117"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="118"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="119"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="121"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="128"/>
        <source>{n} findings, {start} to {end}; shop hours {hours}.</source>
        <translation>{start} 至 {end} 共 {n} 项；营业时间 {hours}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="133"/>
        <source>Adjustments over {value} listed.</source>
        <translation>列出超过 {value} 的调整。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="136"/>
        <source>Sales below cost are left out: they show costs.</source>
        <translation>低于成本的销售未列出：其中含有成本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="138"/>
        <source>Voids at the till are not recorded: only cancels are counted.</source>
        <translation>收银台的整单取消不做记录：只统计作废单据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="149"/>
        <source>Accuracy per count</source>
        <translation>每次盘点的准确率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="154"/>
        <location filename="../../desktop/ui/anomaly_reports.py" line="206"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="162"/>
        <location filename="../../desktop/ui/anomaly_reports.py" line="201"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="180"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="181"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="192"/>
        <location filename="../../desktop/ui/anomaly_reports.py" line="233"/>
        <source>Count accuracy</source>
        <translation>盘点准确率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="195"/>
        <source>Counts from {start} to {end}</source>
        <translation>{start} 至 {end} 的盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="202"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="203"/>
        <source>Counted by</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="204"/>
        <source>Items counted</source>
        <translation>盘点品项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="205"/>
        <source>As expected</source>
        <translation>账实相符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/anomaly_reports.py" line="215"/>
        <source>No counts in this period.</source>
        <translation>此期间没有盘点。</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="41"/>
        <location filename="../../desktop/ui/refusals.py" line="236"/>
        <source>a manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="42"/>
        <location filename="../../desktop/ui/refusals.py" line="237"/>
        <source>the owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="69"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="75"/>
        <location filename="../../desktop/ui/approvals.py" line="101"/>
        <source>Order</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="75"/>
        <location filename="../../desktop/ui/approvals.py" line="101"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="76"/>
        <location filename="../../desktop/ui/approvals.py" line="102"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="76"/>
        <source>Made by</source>
        <translation>制单人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="77"/>
        <source>Waiting since</source>
        <translation>送审时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="77"/>
        <source>Waits for</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="78"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="78"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="82"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="82"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="83"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="83"/>
        <source>Unit cost</source>
        <translation>进价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="84"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="86"/>
        <location filename="../../desktop/ui/help.py" line="245"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="89"/>
        <location filename="../../desktop/ui/help.py" line="245"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="92"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="98"/>
        <source>Your orders that came back rejected (last 30 days)</source>
        <translation>您被驳回的订单（近 30 天）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="102"/>
        <source>Rejected</source>
        <translation>驳回时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="103"/>
        <source>By</source>
        <translation>驳回人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="103"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="136"/>
        <source>urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="138"/>
        <source>escalated {n}×</source>
        <translation>已升级 {n} 次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="140"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="151"/>
        <source>{n} orders wait for your decision.</source>
        <translation>有 {n} 张订单等待您审批。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="153"/>
        <source>Nothing waits for your decision.</source>
        <translation>没有等待您审批的订单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="35"/>
        <source>Reject {number}</source>
        <translation>驳回 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="36"/>
        <source>Why (its creator reads this):</source>
        <translation>驳回原因（制单人会看到）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/approvals.py" line="203"/>
        <source>{number}: {status}.</source>
        <translation>{number}：{status}。</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="27"/>
        <source>Archived sales and returns</source>
        <translation>已归档的销售与退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="28"/>
        <source>Archived sales and returns: {n}</source>
        <translation>已归档的销售与退货：{n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="30"/>
        <source>Number or customer</source>
        <translation>单号或客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="33"/>
        <source>Archive old documents…</source>
        <translation>归档旧单据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="50"/>
        <location filename="../../desktop/ui/archive_screen.py" line="86"/>
        <source>Archive old documents</source>
        <translation>归档旧单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="52"/>
        <source>Closed documents dated before this day move to the archive. Every report keeps its totals; archived sales stay listed here and can still be printed. This cannot be undone.</source>
        <translation>此日期之前已完结的单据将移入归档。所有报表的合计保持不变；归档的销售仍列在这里，仍可打印。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="64"/>
        <source>Archive before</source>
        <translation>归档此日期之前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/archive_screen.py" line="92"/>
        <source>{docs} documents dated before {before} were moved to the archive ({where}).</source>
        <translation>{before} 之前的 {docs} 张单据已移入归档（{where}）。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="34"/>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="34"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="35"/>
        <source>Draft saved</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="36"/>
        <source>Draft edited</source>
        <translation>草稿已修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="37"/>
        <source>Draft discarded</source>
        <translation>草稿已丢弃</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="38"/>
        <source>Order made</source>
        <translation>订单已建立</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="39"/>
        <source>Order submitted</source>
        <translation>订单已提交审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="40"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="40"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="41"/>
        <source>Sale put aside</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="42"/>
        <source>Held sale resumed</source>
        <translation>取回挂单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="43"/>
        <source>Shift opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="44"/>
        <source>Shift closed</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="45"/>
        <source>Count started</source>
        <translation>盘点开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="46"/>
        <source>Count finished</source>
        <translation>盘点完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="47"/>
        <source>Count posted</source>
        <translation>盘点已过账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="48"/>
        <source>Count cancelled</source>
        <translation>盘点已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="49"/>
        <source>Product added</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="50"/>
        <source>Product edited</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="51"/>
        <source>Customer added</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="52"/>
        <source>Customer edited</source>
        <translation>修改客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="53"/>
        <source>Supplier added</source>
        <translation>新增供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="54"/>
        <source>Supplier edited</source>
        <translation>修改供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="55"/>
        <source>Barcode given</source>
        <translation>分配条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="56"/>
        <source>Label template saved</source>
        <translation>标签模板已保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="57"/>
        <source>Label template deleted</source>
        <translation>标签模板已删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="58"/>
        <source>Setting changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="59"/>
        <source>Books closed</source>
        <translation>账期已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="60"/>
        <source>Books reopened</source>
        <translation>账期已重开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="61"/>
        <source>Imports</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="62"/>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="63"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="64"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="65"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="66"/>
        <source>Sign-in refused (unknown name)</source>
        <translation>登录被拒（未知用户名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="67"/>
        <source>User added</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="68"/>
        <source>Role changed</source>
        <translation>角色已更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="69"/>
        <source>User deactivated</source>
        <translation>用户已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="70"/>
        <source>User unlocked</source>
        <translation>用户已解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="71"/>
        <source>Password changed</source>
        <translation>密码已更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="72"/>
        <source>Wrong current password</source>
        <translation>当前密码错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="74"/>
        <source>Imported: {kind}</source>
        <translation>已导入：{kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="81"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="81"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="82"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="82"/>
        <location filename="../../desktop/ui/audit_screen.py" line="121"/>
        <location filename="../../desktop/ui/audit_screen.py" line="197"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="83"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="83"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="84"/>
        <source>Held sale</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="85"/>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="86"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="86"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="87"/>
        <source>Label template</source>
        <translation>标签模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="96"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="96"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="119"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="120"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="122"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="123"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="124"/>
        <source>Number or id</source>
        <translation>单号或编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="125"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="131"/>
        <source>No. {seq} · {time} · {user}</source>
        <translation>第 {seq} 条 · {time} · {user}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="132"/>
        <source>(no user)</source>
        <translation>（无用户）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="133"/>
        <source>{action}: {about} {id}</source>
        <translation>{action}：{about} {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="151"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="163"/>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="165"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="168"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="179"/>
        <source>Document number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="183"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="186"/>
        <location filename="../../desktop/ui/help.py" line="407"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="213"/>
        <source>Pick a row to read its detail.</source>
        <translation>选择一行查看详情。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="225"/>
        <location filename="../../desktop/ui/help.py" line="410"/>
        <source>Verify the chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="259"/>
        <source>The first day comes after the last.</source>
        <translation>起始日期晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="294"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="295"/>
        <source>Rows: {n}</source>
        <translation>行数：{n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="298"/>
        <source>Could not read the log: {message}</source>
        <translation>无法读取日志：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="321"/>
        <source>Verifying the chain…</source>
        <translation>正在校验哈希链…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="329"/>
        <source>The chain holds: all {n} rows are as they were written.</source>
        <translation>哈希链完好：全部 {n} 行与写入时一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="331"/>
        <source>The chain is broken: {breach}</source>
        <translation>哈希链已断开：{breach}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_screen.py" line="335"/>
        <source>Could not verify the chain: {message}</source>
        <translation>无法校验哈希链：{message}</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="26"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="32"/>
        <source>PostgreSQL: back up with pg_dump on a schedule on the server (docs/durability.md), or `storekeeper backup FILE`.</source>
        <translation>PostgreSQL：在服务器上定时用 pg_dump 备份（见 docs/durability.md），或运行 `storekeeper backup 文件`。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="38"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="46"/>
        <source>Daily backups kept:</source>
        <translation>保留每日备份：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="50"/>
        <source>Newest:</source>
        <translation>最近的备份：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="51"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="71"/>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_backup.py" line="94"/>
        <source>Backed up and checked: {file}</source>
        <translation>已备份并校验：{file}</translation>
    </message>
</context>
<context>
    <name>Batches</name>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="28"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="29"/>
        <source>{sku} {name}, batch {batch}, expiry {expiry}</source>
        <translation>{sku} {name}，批号 {batch}，有效期至 {expiry}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="32"/>
        <source>(expired: cannot be sold)</source>
        <translation>（已过期：不能销售）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="36"/>
        <source>Received {qty} from {supplier} on {number} ({date})</source>
        <translation>{date} 从 {supplier} 收货 {qty}（{number}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="41"/>
        <source>Not received on a purchase receipt</source>
        <translation>不是采购收货入库的</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="42"/>
        <source>Received {received}, on hand now {on_hand}, sold {sold} (net of returns)</source>
        <translation>收货 {received}，现存 {on_hand}，售出 {sold}（已扣退货）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="55"/>
        <source>Find (F5)</source>
        <translation>查找 (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="67"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="72"/>
        <source>Batch number</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="75"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="76"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="79"/>
        <location filename="../../desktop/ui/recall_ui.py" line="133"/>
        <source>Batch recall</source>
        <translation>批次召回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="82"/>
        <source>Product {sku}, batch {batch}</source>
        <translation>商品 {sku}，批号 {batch}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="88"/>
        <source>Type a product&apos;s SKU and a batch number.</source>
        <translation>请输入商品编码和批号。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="89"/>
        <source>(walk-in)</source>
        <translation>（散客）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="91"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="92"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="93"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="94"/>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="95"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="96"/>
        <source>Kept</source>
        <translation>留存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="97"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="107"/>
        <source>{n} sales of batch {batch}</source>
        <translation>批号 {batch} 共 {n} 笔销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recall_ui.py" line="108"/>
        <source>No sales of batch {batch}</source>
        <translation>批号 {batch} 没有销售</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="38"/>
        <location filename="../../desktop/ui/password_dialog.py" line="49"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="44"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="45"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="46"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="55"/>
        <source>Signed in as {name}.</source>
        <translation>当前登录：{name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="63"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="67"/>
        <source>Too many failed attempts: this account is locked until {time}.</source>
        <translation>失败次数过多：该账户已锁定至 {time}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="71"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../desktop/ui/cart.py" line="49"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="50"/>
        <location filename="../../desktop/ui/counter_dialogs.py" line="184"/>
        <location filename="../../desktop/ui/counter_money.py" line="284"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="51"/>
        <location filename="../../desktop/ui/counter_dialogs.py" line="183"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="52"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="53"/>
        <location filename="../../desktop/ui/counter_dialogs.py" line="187"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="54"/>
        <location filename="../../desktop/ui/counter_dialogs.py" line="188"/>
        <location filename="../../desktop/ui/counter_money.py" line="287"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="55"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="134"/>
        <source>{name} (batch {batch})</source>
        <translation>{name}（批号 {batch}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cart.py" line="145"/>
        <source>List price {price}</source>
        <translation>原价 {price}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="89"/>
        <source>A manager&apos;s permission</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="96"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="97"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="100"/>
        <source>Allow</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="117"/>
        <source>Unknown user or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="120"/>
        <source>{name} may not allow this.</source>
        <translation>{name} 无权批准此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="185"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="186"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="189"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="194"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="199"/>
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="200"/>
        <source>Products: {n}</source>
        <translation>商品：{n} 种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="201"/>
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="207"/>
        <source>Find a product (F2)</source>
        <translation>查找商品（F2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="212"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="213"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="214"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="215"/>
        <source>Owes the shop</source>
        <translation>应收余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="221"/>
        <source>Choose the customer</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="222"/>
        <source>Customers: {n}</source>
        <translation>客户：{n} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="223"/>
        <source>Name or phone</source>
        <translation>名称或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="225"/>
        <source>Customer (F7)</source>
        <translation>客户（F7）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="80"/>
        <source>Payment</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="109"/>
        <source>Enter: pay   Esc: back to the sale</source>
        <translation>Enter：收款   Esc：返回本单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="136"/>
        <source>Paying by {method}</source>
        <translation>付款方式：{method}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="138"/>
        <source>Cash handed over</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="147"/>
        <source>Due {amount}</source>
        <translation>应收 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="165"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="169"/>
        <source>Type an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="180"/>
        <source>Only {due} is due: {method} cannot take more.</source>
        <translation>仅剩 {due} 待收：{method}不能多收。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="187"/>
        <source>A sale on account needs a customer: Esc, then F7.</source>
        <translation>赊账需要先选客户：按 Esc，再按 F7。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="193"/>
        <source>{customer} would owe {owed}, past their credit limit of {limit}. Enter again to sell on account anyway.</source>
        <translation>{customer} 的欠款将达 {owed}，超出信用额度 {limit}。再按 Enter 仍然赊账。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="218"/>
        <source>Posting…</source>
        <translation>正在过账…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="236"/>
        <source>Held sales (F6)</source>
        <translation>挂单（F6）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="246"/>
        <source>{time}  {user}{who}  {n} lines  {total}{note}</source>
        <translation>{time}  {user}{who}  {n} 项  {total}{note}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_dialogs.py" line="261"/>
        <source>Enter resumes the chosen sale; Esc goes back.</source>
        <translation>Enter：取回所选挂单；Esc：返回。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="262"/>
        <source>Return (F8)</source>
        <translation>退货（F8）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="275"/>
        <source>Scan the receipt or type the sale&apos;s number</source>
        <translation>扫描小票或输入销售单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="285"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="286"/>
        <source>Returned before</source>
        <translation>已退</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="288"/>
        <source>Return now</source>
        <translation>本次退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="303"/>
        <source>Enter: find the sale, then post the return   F4: without a receipt   Esc: close</source>
        <translation>Enter：查找销售单，再确认退货   F4：无小票退货   Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="352"/>
        <source>Sale {number} of {date}{who}; paid {paid}</source>
        <translation>销售单 {number}，{date}{who}；付款：{paid}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="386"/>
        <source>quantity to return of {name}</source>
        <translation>{name} 的退货数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="403"/>
        <source>Refund about {amount}</source>
        <translation>退款约 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="413"/>
        <source>A return without a receipt needs a manager.</source>
        <translation>无小票退货需要经理授权。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="423"/>
        <source>Without a receipt: scan each item that comes back; Enter on an empty line posts. Refund in cash.</source>
        <translation>无小票退货：逐一扫描退回的商品；空行按 Enter 过账。以现金退款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="432"/>
        <source>Scan an item ({n}* for several)</source>
        <translation>扫描商品（多件前加 {n}*）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="447"/>
        <source>No product has the code {code}.</source>
        <translation>找不到 {code} 对应的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="466"/>
        <source>Scan what comes back first.</source>
        <translation>请先扫描退回的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="475"/>
        <source>Find the sale first.</source>
        <translation>请先查找销售单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="481"/>
        <source>Type how many of a line come back.</source>
        <translation>请输入退货数量。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="520"/>
        <source>Open the shift (F9)</source>
        <translation>开班（F9）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="525"/>
        <source>Cash in the drawer (float)</source>
        <translation>钱箱现金（备用金）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="530"/>
        <source>Close the shift (F9)</source>
        <translation>交班（F9）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="534"/>
        <source>Shift open since {time}, float {amount}. Count what is in the drawer; Enter moves on, and closes on the last.</source>
        <translation>本班 {time} 开班，备用金 {amount}。请清点钱箱；按 Enter 跳到下一项，在最后一项按 Enter 交班。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="546"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="572"/>
        <source>Open the shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="573"/>
        <source>Close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="583"/>
        <source>float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="606"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="615"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="547"/>
        <location filename="../../desktop/ui/counter_money.py" line="616"/>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="617"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter_money.py" line="635"/>
        <source>The slip is saved as {path}</source>
        <translation>交班单已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="120"/>
        <source>Scan or type a barcode or SKU; 3* before it sells 3</source>
        <translation>扫描或输入条码、编码；前加 3* 即卖 3 件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="157"/>
        <source>add the code; on an empty line: pay</source>
        <translation>录入商品；空行时：结账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="158"/>
        <source>pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="159"/>
        <source>find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="160"/>
        <source>quantity of the line</source>
        <translation>修改数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="161"/>
        <source>price or discount of the line</source>
        <translation>改价或折扣</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="162"/>
        <source>delete the line</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="163"/>
        <source>choose a line</source>
        <translation>选择行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="164"/>
        <source>hold the sale</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="165"/>
        <source>resume a held sale</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="166"/>
        <source>customer (on account)</source>
        <translation>选择客户（赊账）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="167"/>
        <source>return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="168"/>
        <source>open or close the shift</source>
        <translation>开班或交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="169"/>
        <source>void the sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="170"/>
        <source>clear the scan line</source>
        <translation>清空输入框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="189"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="203"/>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="309"/>
        <source>No shift open: F9 opens it with the float.</source>
        <translation>未开班：按 F9 录入备用金开班。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="313"/>
        <source>Shift open since {time}</source>
        <translation>已开班（{time} 起）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="318"/>
        <source>Held sales: {n} (F6)</source>
        <translation>挂单：{n} 笔（F6）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="336"/>
        <source>The quantity must be above zero.</source>
        <translation>数量必须大于零。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="339"/>
        <source>Type or scan a code after the {star}.</source>
        <translation>请在 {star} 后输入或扫描条码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="348"/>
        <source>The database did not answer: scan {code} again in a moment.</source>
        <translation>数据库没有响应：请稍后再扫一次 {code}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="354"/>
        <source>No product has the code {code}. F2 finds it by name.</source>
        <translation>找不到 {code} 对应的商品。按 F2 按名称查找。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="410"/>
        <location filename="../../desktop/ui/counter.py" line="430"/>
        <source>Choose a line first (↑ ↓).</source>
        <translation>请先选择一行（↑ ↓）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="413"/>
        <source>Quantity (F3)</source>
        <translation>数量（F3）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="416"/>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="437"/>
        <source>discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="440"/>
        <source>A discount is between 0% and 100%.</source>
        <translation>折扣须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="442"/>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="444"/>
        <source>A price cannot be below zero.</source>
        <translation>价格不能小于零。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="448"/>
        <source>Price or discount (F4)</source>
        <translation>改价或折扣（F4）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="452"/>
        <source>A new price, or a discount such as 10%. List price: {price}</source>
        <translation>输入新价格，或折扣如 10%（即减价 10%）。原价：{price}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="466"/>
        <source>Changing the price of {name} to {price} needs a manager.</source>
        <translation>将 {name} 改价为 {price} 需要经理授权。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="471"/>
        <source>The price stays {price}: no manager allowed the change.</source>
        <translation>价格仍为 {price}：未获经理授权。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="485"/>
        <source>Allowed by {name}.</source>
        <translation>已由 {name} 授权。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="497"/>
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="502"/>
        <source>The sale was voided.</source>
        <translation>本单已作废。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="513"/>
        <source>{n} lines</source>
        <translation>共 {n} 项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="533"/>
        <source>Walk-in customer (F7 chooses one)</source>
        <translation>散客（按 F7 选择客户）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="537"/>
        <source>Customer: {name}, owes {balance}</source>
        <translation>客户：{name}，欠款 {balance}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="541"/>
        <source> of a {limit} limit</source>
        <translation>，额度 {limit}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="549"/>
        <source>Nothing to pay for yet.</source>
        <translation>还没有录入商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="570"/>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="575"/>
        <source>{number} posted: {total}.</source>
        <translation>{number} 已过账：{total}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="598"/>
        <source>Nothing to hold.</source>
        <translation>没有可挂单的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="604"/>
        <source>The sale is held: F6 resumes it.</source>
        <translation>已挂单：按 F6 取单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="613"/>
        <source>No sale is held.</source>
        <translation>没有挂单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="616"/>
        <source>Finish, hold (F5) or void (F10) this sale first.</source>
        <translation>请先结账、挂单（F5）或作废（F10）当前单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="628"/>
        <source>{code} is no longer sold.</source>
        <translation>{code} 已停售。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="653"/>
        <source>Resumed the sale held at {time}.</source>
        <translation>已取回 {time} 的挂单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="670"/>
        <source>{number} posted: {total} refunded.</source>
        <translation>{number} 已过账：退款 {total}。</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <location filename="../../desktop/ui/counts.py" line="57"/>
        <source>Stock counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="60"/>
        <source>Blind (those counting do not see the books&apos; quantities)</source>
        <translation>盲盘（盘点人看不到账面数量）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="66"/>
        <location filename="../../desktop/ui/help.py" line="277"/>
        <source>Count today&apos;s schedule</source>
        <translation>盘点今日计划</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="67"/>
        <location filename="../../desktop/ui/help.py" line="278"/>
        <source>Count a category…</source>
        <translation>按类别盘点…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="68"/>
        <location filename="../../desktop/ui/counts.py" line="241"/>
        <location filename="../../desktop/ui/help.py" line="279"/>
        <source>Full count</source>
        <translation>全盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="76"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="76"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="76"/>
        <source>Blind</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="77"/>
        <location filename="../../desktop/ui/counts.py" line="189"/>
        <location filename="../../desktop/ui/counts.py" line="211"/>
        <location filename="../../desktop/ui/counts.py" line="294"/>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="78"/>
        <source>Started by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="88"/>
        <source>Scan or type a code (12*code: twelve)</source>
        <translation>扫码或输入编码（12*编码：十二个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="99"/>
        <location filename="../../desktop/ui/help.py" line="285"/>
        <location filename="../../desktop/ui/help.py" line="290"/>
        <source>Finish counting</source>
        <translation>结束盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="100"/>
        <location filename="../../desktop/ui/help.py" line="286"/>
        <source>Review variances</source>
        <translation>审核差异</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="101"/>
        <location filename="../../desktop/ui/counts.py" line="350"/>
        <location filename="../../desktop/ui/help.py" line="287"/>
        <source>Post variances</source>
        <translation>过账差异</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="102"/>
        <source>Print count sheet</source>
        <translation>打印盘点表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="103"/>
        <location filename="../../desktop/ui/counts.py" line="369"/>
        <source>Cancel count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="132"/>
        <source>counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="133"/>
        <source>to review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="135"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="167"/>
        <source>No count is open: start one above.</source>
        <translation>没有进行中的盘点：请在上方发起。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="172"/>
        <source>Count {id}: {title}</source>
        <translation>盘点 {id}：{title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="174"/>
        <source>{done} of {total} products counted</source>
        <translation>已盘 {done} / {total} 种商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="188"/>
        <location filename="../../desktop/ui/counts.py" line="210"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="188"/>
        <location filename="../../desktop/ui/counts.py" line="210"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="189"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="191"/>
        <location filename="../../desktop/ui/counts.py" line="211"/>
        <source>Books</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="192"/>
        <source>Counted by</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="192"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="212"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="214"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="224"/>
        <source>{off} of {n} counted products differ from the books.</source>
        <translation>已盘 {n} 种商品中有 {off} 种与账面不符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="249"/>
        <source>Today&apos;s schedule (A {a}, B {b}, C {c})</source>
        <translation>今日计划（A {a}，B {b}，C {c}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="254"/>
        <source>Count a category</source>
        <translation>按类别盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="255"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="263"/>
        <source>No active product is in the category &apos;{name}&apos;.</source>
        <translation>类别“{name}”中没有在售商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="266"/>
        <source>Category {name}</source>
        <translation>类别 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="282"/>
        <source>{name}: {qty} {unit} counted</source>
        <translation>{name}：已盘 {qty} {unit}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="295"/>
        <source>{sku} {name}: how many ({unit})?</source>
        <translation>{sku} {name}：数量（{unit}）？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="322"/>
        <source>Count sheet</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="334"/>
        <source>Counting finished: a manager reviews and posts the variances.</source>
        <translation>盘点已结束：由经理审核并过账差异。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="351"/>
        <source>Post the count? Stock is set to what was counted, as of when each product was counted.</source>
        <translation>过账此次盘点？库存将按实盘数量调整，以每种商品盘点时的账面为准。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="360"/>
        <source>Posted as stocktake {number}.</source>
        <translation>已过账为盘点单 {number}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counts.py" line="370"/>
        <source>Cancel this count? Nothing counted in it is kept.</source>
        <translation>取消此次盘点？已盘数据将不保留。</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="685"/>
        <location filename="../../desktop/ui/settings.py" line="784"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="687"/>
        <source>The database &lt;b&gt;{database}&lt;/b&gt; on &lt;b&gt;{server}&lt;/b&gt; needs the password of &lt;b&gt;{user}&lt;/b&gt;.</source>
        <translation>服务器 &lt;b&gt;{server}&lt;/b&gt; 上的数据库 &lt;b&gt;{database}&lt;/b&gt; 需要用户 &lt;b&gt;{user}&lt;/b&gt; 的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="696"/>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="700"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="707"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="709"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="727"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="741"/>
        <source>The server refused this password.</source>
        <translation>服务器拒绝了这个密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="752"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="176"/>
        <source>Welcome to Storekeeper</source>
        <translation>欢迎使用进销存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="177"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="178"/>
        <source>This database has no shop yet. Create your shop, or look around a demo shop first.</source>
        <translation>这个数据库里还没有店铺。请新建您的店铺，或者先打开演示店铺看看。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="180"/>
        <source>Create a new shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="181"/>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="182"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="186"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="186"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="187"/>
        <source>Owner&apos;s user name</source>
        <translation>店主用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="187"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="188"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="188"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="191"/>
        <source>Optional: printed on receipts</source>
        <translation>选填：打印在小票上</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="195"/>
        <source>The demo shop has 300 products, 40 customers and three months of sales. Sign in as &lt;b&gt;{user}&lt;/b&gt; with the password &lt;b&gt;{password}&lt;/b&gt;.</source>
        <translation>演示店铺有 300 种商品、40 位客户和三个月的销售记录。请以 &lt;b&gt;{user}&lt;/b&gt; 登录，密码为 &lt;b&gt;{password}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="198"/>
        <source>Building the demo shop: %p%</source>
        <translation>正在生成演示店铺：%p%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="199"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="199"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="200"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="204"/>
        <source>The demo shop is ready.</source>
        <translation>演示店铺已准备好。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="206"/>
        <source>Next, sign in as &lt;b&gt;{user}&lt;/b&gt; with the password &lt;b&gt;{password}&lt;/b&gt;.</source>
        <translation>接下来请以 &lt;b&gt;{user}&lt;/b&gt; 登录，密码为 &lt;b&gt;{password}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="209"/>
        <source>Your shop is ready.</source>
        <translation>您的店铺已创建好。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="211"/>
        <source>Next, sign in as &lt;b&gt;{user}&lt;/b&gt;. Then bring in your old books from &lt;b&gt;Import&lt;/b&gt; and add your staff in &lt;b&gt;Users&lt;/b&gt;.</source>
        <translation>接下来请以 &lt;b&gt;{user}&lt;/b&gt; 登录。然后可在&lt;b&gt;导入&lt;/b&gt;中导入旧账本，在&lt;b&gt;用户&lt;/b&gt;中添加员工。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="235"/>
        <source>The language could not be saved: {reason}</source>
        <translation>无法保存语言设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="269"/>
        <source>Give the shop a name.</source>
        <translation>请填写店铺名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="272"/>
        <source>The password needs at least 4 characters.</source>
        <translation>密码至少需要 4 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="276"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="297"/>
        <source>The shop was created, but its address and phone were not saved ({error}): set them in Settings.</source>
        <translation>店铺已创建，但地址和电话未能保存（{error}）：请在设置中填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="303"/>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="333"/>
        <source>The demo shop could not be built: {error}</source>
        <translation>无法生成演示店铺：{error}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="116"/>
        <source>{text} {more}</source>
        <comment>one sentence of a help text after another (Chinese: no space between them)</comment>
        <translation>{text}{more}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="132"/>
        <source>go to the search box</source>
        <translation>跳到搜索框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="140"/>
        <location filename="../../desktop/ui/help.py" line="192"/>
        <source>Keys on this screen</source>
        <translation>本界面快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="141"/>
        <source>This screen has no keys of its own: the buttons and the keys below do everything.</source>
        <translation>本界面没有专用快捷键：用按钮和下面的快捷键即可完成全部操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="147"/>
        <source>The till, for ringing up a customer&apos;s goods and taking the payment.</source>
        <translation>用于录入顾客所买的商品并收款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="149"/>
        <source>Scan each item, or type its barcode or SKU and press Enter; type 3* before a code to sell three.</source>
        <translation>逐件扫码，或输入条码、编码后按 Enter；编码前加 3* 即卖 3 件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="151"/>
        <source>When everything is scanned, press F12 (or Enter on an empty line), choose how the customer pays and press Enter: the change shows in large figures.</source>
        <translation>商品录完后按 F12（或在空行按 Enter）结账，选好付款方式再按 Enter，找零金额以大字显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="154"/>
        <source>F5 puts a sale aside while the customer fetches something, F6 brings it back, and F8 takes goods back against the receipt.</source>
        <translation>顾客临时去拿东西时按 F5 挂单，回来后按 F6 取单；按 F8 凭小票退货。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="156"/>
        <source>Open your shift with F9 when you start, counting the float into the drawer, and close it with F9 when you hand over.</source>
        <translation>上班时按 F9 开班，清点放入钱箱的备用金；交接时再按 F9 交班。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="158"/>
        <source>A price change or a discount (F4) needs a manager to sign in on the spot.</source>
        <translation>改价或打折（F4）需要经理当场登录授权。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="162"/>
        <source>add the code scanned or typed; on an empty line: pay</source>
        <translation>录入扫描或输入的编码；空行时：结账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="163"/>
        <source>pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="164"/>
        <source>find a product by name, pinyin initials, SKU or barcode</source>
        <translation>按名称、拼音首字母、编码或条码查找商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="165"/>
        <source>change the quantity of the chosen line</source>
        <translation>修改所选行的数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="166"/>
        <source>change the price of the chosen line, or give a discount such as 10%</source>
        <translation>修改所选行的价格，或打折（输入 10% 即减价 10%）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="168"/>
        <source>choose a line</source>
        <translation>选择行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="170"/>
        <source>delete the chosen line (the scan line empty)</source>
        <translation>删除所选行（输入框为空时）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="172"/>
        <source>hold the sale: put it aside</source>
        <translation>挂单：先把这一单放在一边</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="173"/>
        <source>resume a held sale, from any till</source>
        <translation>取单：取回挂起的单，任一收银台均可</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="174"/>
        <source>choose the customer, for a sale on account</source>
        <translation>选择客户，用于赊账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="175"/>
        <source>take goods back (a return)</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="176"/>
        <source>open or close your shift</source>
        <translation>开班或交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="177"/>
        <source>void the whole sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="178"/>
        <source>clear the scan line</source>
        <translation>清空输入框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="181"/>
        <source>pay in cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="182"/>
        <source>pay by card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="183"/>
        <source>pay by WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="184"/>
        <source>pay by Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="185"/>
        <source>put it on the customer&apos;s account</source>
        <translation>赊账：记在客户账上</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="188"/>
        <source>goods back without a receipt (a manager signs in)</source>
        <translation>无小票退货（需经理授权）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="189"/>
        <source>post the return</source>
        <translation>确认退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="193"/>
        <source>In the payment window</source>
        <translation>结账窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="194"/>
        <source>Type the amount and press Enter; an amount short of what is due leaves the rest for the next way of paying. Esc goes back to the sale.</source>
        <translation>输入金额后按 Enter；金额不足应收时，差额可换另一种方式继续支付。按 Esc 返回本单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="197"/>
        <source>In the return window</source>
        <translation>退货窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="198"/>
        <source>Scan the receipt&apos;s barcode or type the sale&apos;s number and press Enter, then type how many of each line come back.</source>
        <translation>扫描小票上的条码或输入销售单号后按 Enter，再填写每行的退货数量。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="207"/>
        <source>Everything bought from suppliers: orders, goods received, goods sent back and payments.</source>
        <translation>向供应商进货的全部业务：采购订单、收货入库、采购退货和付款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="209"/>
        <source>To order goods, click {new_order}, choose the supplier and scan or type the goods; the last cost is filled in.</source>
        <translation>订货时点击{new_order}，选择供应商，再扫描或输入商品；进价自动带出上次的进价。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="213"/>
        <source>An order above the limits the owner set waits in Approvals before its goods can be received.</source>
        <translation>金额超过店主所设限额的订单要先经审批，批准后才能收货。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="215"/>
        <source>When the goods come, open the order (double-click it or press Enter) and click {receive}; goods that came without an order go in with {direct}.</source>
        <translation>到货时打开订单（双击或按 Enter），点击{receive}；没有订单的到货用{direct}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="220"/>
        <source>Double-click an order or press Enter to see its lines and where it stands.</source>
        <translation>双击订单或按 Enter，可查看订单明细和进度。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="222"/>
        <source>{more} holds the rest your role may do: reorder suggestions, returns to a supplier, paying a supplier, printing.</source>
        <translation>{more}中是您还能做的其他操作：补货建议、采购退货、供应商付款、打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="225"/>
        <source>open the chosen order</source>
        <translation>打开所选订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="231"/>
        <source>Your purchase orders that came back rejected, with the reasons.</source>
        <translation>您被驳回的采购订单及驳回原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="233"/>
        <source>An order above the limits the owner set waits for a manager or the owner to approve it before its goods can be received.</source>
        <translation>金额超过店主所设限额的订单，须由经理或店主批准后才能收货。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="236"/>
        <source>Read why an order was rejected, then make a new one in Purchasing if the goods are still needed.</source>
        <translation>看清订单被驳回的原因；如仍需要这批货，请在采购中重新下单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="240"/>
        <source>The purchase orders waiting for your decision, urgent and overdue ones in red at the top.</source>
        <translation>等待您审批的采购订单，加急和已超时的以红色排在最前面。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="242"/>
        <source>Click an order to see its lines below, then click {approve}, or {reject} and write why: whoever made the order reads your reason.</source>
        <translation>点击订单，下方显示其明细；然后点击{approve}，或点击{reject}并写明原因，制单人会看到。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="246"/>
        <source>Nobody approves their own order, and an order left waiting too long moves up to the next person.</source>
        <translation>任何人都不能审批自己的订单；等待过久的订单会自动转给上一级。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="248"/>
        <source>Your own orders that came back rejected are listed at the bottom, with the reasons.</source>
        <translation>您自己被驳回的订单列在最下方，附驳回原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="250"/>
        <source>The number beside {title} on the left counts the orders waiting for you.</source>
        <translation>左侧{title}旁的数字是等待您审批的订单数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="257"/>
        <source>How much of each product is on the shelves, with its price.</source>
        <translation>每种商品的库存数量和售价。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="258"/>
        <source>Type in the search box to find a product by name, pinyin initials (htjb finds 海天金标生抽), SKU or barcode, and click a column heading to sort by it.</source>
        <translation>在搜索框中按名称、拼音首字母（输入 htjb 即可找到海天金标生抽）、编码或条码查找商品；点击列标题可按该列排序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="261"/>
        <source>{count_sheet} prints a sheet to count the shelves with.</source>
        <translation>{count_sheet}打印盘点表，拿着去清点货架。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="264"/>
        <source>{adjust} corrects the quantity of the chosen product, with the reason.</source>
        <translation>{adjust}修正所选商品的库存数量，并注明原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="267"/>
        <source>{export} saves the list as shown.</source>
        <translation>{export}按当前显示保存列表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="274"/>
        <source>Counting the shelves.</source>
        <translation>清点货架上的库存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="275"/>
        <source>Start a count with {schedule} (the products due today), {category} or {full}; a blind count hides what the books say.</source>
        <translation>用{schedule}（今天该盘的商品）、{category}或{full}开始盘点；盲盘时不显示账面数量。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="280"/>
        <source>Scan each item, or type its code and press Enter; 12*code counts twelve at once.</source>
        <translation>逐件扫码，或输入编码后按 Enter；输入 12*编码 一次计 12 件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="282"/>
        <source>To type in a printed count sheet instead, double-click a line.</source>
        <translation>如要录入纸质盘点表上的数字，双击相应行填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="283"/>
        <source>When all is counted, click {finish}, then {review} to check the differences and {post} to put them in the books.</source>
        <translation>全部盘完后点击{finish}，再点击{review}核对差异，点击{post}把差异记入账面。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="288"/>
        <source>When all is counted, click {finish}; a manager then reviews the differences and puts them in the books.</source>
        <translation>全部盘完后点击{finish}；之后由经理审核差异并过账。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="297"/>
        <source>Everything the shop sells, with prices and stock.</source>
        <translation>本店所卖的全部商品，含售价和库存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="298"/>
        <source>Find a product by name, pinyin initials, SKU or barcode in the search box; click a column heading to sort by it.</source>
        <translation>在搜索框中按名称、拼音首字母、编码或条码查找商品；点击列标题可按该列排序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="300"/>
        <source>Double-click a product or press Enter to change it; {new} adds one.</source>
        <translation>双击商品或按 Enter 可修改；用{new}新增商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="302"/>
        <source>Double-click a product or press Enter to see its details.</source>
        <translation>双击商品或按 Enter 查看详情。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="303"/>
        <source>{labels} prints shelf labels for the chosen products (hold Ctrl or Shift to choose several), or for every price changed since a date.</source>
        <translation>{labels}为所选商品打印价签（按住 Ctrl 或 Shift 可多选），也可为某日以来调过价的全部商品打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="307"/>
        <source>open the chosen product</source>
        <translation>打开所选商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="313"/>
        <source>The shop&apos;s customers, their credit limits and what each owes the shop.</source>
        <translation>本店的客户、信用额度及各自的欠款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="315"/>
        <location filename="../../desktop/ui/help.py" line="334"/>
        <source>Find one by name or phone in the search box.</source>
        <translation>在搜索框中按名称或电话查找。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="316"/>
        <source>Double-click a customer or press Enter to change their details; {new} adds one.</source>
        <translation>双击客户或按 Enter 可修改资料；用{new}新增客户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="319"/>
        <source>{statement} prints what a customer bought and paid over a period.</source>
        <translation>{statement}打印客户一段时间内的购货和付款明细。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="322"/>
        <source>At the till, F7 chooses the customer for a sale on account.</source>
        <translation>在收银台按 F7 选择赊账的客户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="326"/>
        <source>open the chosen customer</source>
        <translation>打开所选客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="333"/>
        <source>The shop&apos;s suppliers and what the shop owes each.</source>
        <translation>本店的供应商及欠各供应商的货款。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="335"/>
        <source>What the shop owes a supplier goes up with each goods receipt and down with each payment to them.</source>
        <translation>应付供应商的款项随每次收货入库增加，随每次付款减少。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="337"/>
        <source>Double-click a supplier or press Enter to change their details; {new} adds one.</source>
        <translation>双击供应商或按 Enter 可修改资料；用{new}新增供应商。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="340"/>
        <source>{statement} prints what was bought from a supplier and paid over a period.</source>
        <translation>{statement}打印一段时间内向供应商进货和付款的明细。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="345"/>
        <source>open the chosen supplier</source>
        <translation>打开所选供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="351"/>
        <source>Answers about the shop&apos;s books.</source>
        <translation>查询本店的各项账目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="352"/>
        <source>Choose a report in the {report} box at the top: stock on hand, sales and returns, what customers owe and what the shop owes, the sales summary and charts, best and slowest sellers, stock as of a date, a product&apos;s history, a batch recall and more.</source>
        <translation>在顶部的{report}框中选择报表：库存现状、销售及退货、应收和应付账款、销售汇总和图表、畅销与滞销商品、某日库存、商品出入库明细、批次召回等。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="357"/>
        <source>Set the dates and other choices, then click {show}; a long report works in the background and {cancel} stops it.</source>
        <translation>设好日期和其他条件后点击{show}；耗时较长的报表在后台查询，点击{cancel}可停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="360"/>
        <source>{export} and {print} take the report as shown.</source>
        <translation>{export}和{print}按当前显示输出报表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="364"/>
        <source>show the report with the choices made (a list: read it again)</source>
        <translation>按所选条件查询报表（列表类报表：重新读取）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="367"/>
        <source>go to the search box (the reports that are lists)</source>
        <translation>跳到搜索框（列表类报表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="372"/>
        <source>Brings in the shop&apos;s old books from Excel (.xlsx, .xls, .ods) or CSV: products with their opening stock, customers and suppliers with what they owe, and past sales.</source>
        <translation>从 Excel（.xlsx、.xls、.ods）或 CSV 导入本店的旧账：商品及期初库存、客户和供应商及往来欠款、历史销售。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="375"/>
        <source>Click {import_book} and follow the steps: the wizard shows the sheet as it was read and what it took each column to be (change any that are wrong), and lists every problem by the sheet&apos;s own row number.</source>
        <translation>点击{import_book}后按步骤操作：向导会显示读取到的表格和识别出的各列字段（识别错的可以改），并按表格自身的行号列出每个问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="379"/>
        <source>Nothing is imported until every row is right; then all of it is.</source>
        <translation>所有行都无误后才会导入，而且一次全部导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="381"/>
        <source>The list shows past imports: choose one and click {undo} to take a whole batch back out.</source>
        <translation>列表显示历次导入：选中一次后点击{undo}，可将整批数据撤回。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="389"/>
        <source>Who may sign in, and as what.</source>
        <translation>谁可以登录，以什么角色登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="390"/>
        <source>{add} makes an account with its role: owner, manager, cashier, stock clerk or bookkeeper; the role decides which screens and actions the person gets.</source>
        <translation>{add}新建账户并指定角色：店主、经理、收银员、库管员或会计；角色决定此人能用哪些界面和操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="394"/>
        <source>Choose an account to change its role, set a new password, or deactivate it when someone leaves.</source>
        <translation>选中账户后可更改角色、设置新密码；有人离职时将其账户停用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="396"/>
        <source>After five wrong passwords an account is locked for a while; {unlock} lets the person try again at once.</source>
        <translation>密码输错五次后账户会被暂时锁定；{unlock}可让其立即重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="404"/>
        <source>Who did what, and when: every sale, order, price change and sign-in is written here and never changed.</source>
        <translation>谁在何时做了什么：每笔销售、订单、调价和登录都记录在此，且不可更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="406"/>
        <source>Narrow the list by user, dates, document number or kind of action and click {show}.</source>
        <translation>按用户、日期、单号或操作类型筛选，然后点击{show}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="408"/>
        <source>Click a row, or press Enter on it, to read its details below.</source>
        <translation>点击某行或在该行上按 Enter，下方显示其详情。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="409"/>
        <source>{verify} checks that no row has been altered or removed since it was written.</source>
        <translation>{verify}检查各行写入后是否被篡改或删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="411"/>
        <source>read the chosen row&apos;s details</source>
        <translation>查看所选行的详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="416"/>
        <source>This computer&apos;s choices and the shop&apos;s.</source>
        <translation>本机设置和店铺设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="417"/>
        <source>The database and the language of this computer take effect the next time the program starts.</source>
        <translation>本机的数据库和语言设置在下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="419"/>
        <source>You also set the shop&apos;s details for receipts and invoices, scale labels, printers, stock alerts and counts, backups and security (the idle lock, and closing the books through a day).</source>
        <translation>这里还可设置小票和销售单上的店铺信息、电子秤条码、打印机、库存预警与盘点、备份和安全（空闲锁定，以及关账到某一天）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="423"/>
        <source>Most of the shop&apos;s own settings below are the owner&apos;s to change.</source>
        <translation>下方的店铺设置大多只有店主能修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="425"/>
        <source>Change what you need, then click that box&apos;s {save} button.</source>
        <translation>改好所需内容后，点击该栏的{save}按钮。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="457"/>
        <source>, </source>
        <comment>between the screens&apos; names in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="462"/>
        <source>go to {screens}, in the order of the list on the left</source>
        <translation>按左侧顺序依次切换到{screens}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="465"/>
        <source>read the screen again</source>
        <translation>刷新本界面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="467"/>
        <source>this help</source>
        <translation>打开本帮助</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="468"/>
        <source>Keys everywhere in the window</source>
        <translation>通用快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="535"/>
        <source>Help: {screen}</source>
        <translation>帮助：{screen}</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="168"/>
        <source>Too many failed attempts: this account is locked for a while.</source>
        <translation>失败次数过多：该账户已被暂时锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="170"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="177"/>
        <source>The database cannot be reached: {reason}</source>
        <translation>无法连接数据库：{reason}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="43"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="44"/>
        <source>Customers (with what they owe)</source>
        <translation>客户（含欠款）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="45"/>
        <source>Suppliers (with what the shop owes)</source>
        <translation>供应商（含应付）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="46"/>
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="47"/>
        <source>Sales history (for reports)</source>
        <translation>历史销售（用于报表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="51"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="51"/>
        <location filename="../../desktop/ui/import_wizard.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="52"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="52"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="53"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="53"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="54"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="54"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="55"/>
        <source>Minimum</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="55"/>
        <source>Maximum</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="56"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="57"/>
        <source>Balance owed</source>
        <translation>欠款余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="58"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="59"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="59"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="60"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="123"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="123"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="124"/>
        <source>cleaned</source>
        <translation>已清理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="138"/>
        <source>Import an old book</source>
        <translation>导入旧账本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="148"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="150"/>
        <location filename="../../desktop/ui/import_wizard.py" line="280"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="153"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="177"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="186"/>
        <source>What the book holds</source>
        <translation>账本内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="187"/>
        <source>The book (.xlsx, .xls, .ods, .csv)</source>
        <translation>账本文件（.xlsx、.xls、.ods、.csv）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="188"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="189"/>
        <source>Nothing is written until the last step, and then all of it or nothing. The next page shows the sheet as read and the columns as understood.</source>
        <translation>到最后一步才会写入数据，届时要么全部导入，要么全部不导入。下一页显示读取到的工作表内容，以及识别出的各列对应字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="221"/>
        <source>Every issue</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="222"/>
        <source>Errors: rows not imported</source>
        <translation>错误：不导入的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="223"/>
        <source>Warnings: values left out</source>
        <translation>警告：未导入的值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="224"/>
        <source>What was cleaned</source>
        <translation>已清理的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="229"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="230"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="231"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="232"/>
        <source>What</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="236"/>
        <source>Save the refused rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="240"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="253"/>
        <source>The old book</source>
        <translation>打开旧账本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="254"/>
        <source>Books (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>账本文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="279"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="322"/>
        <source>Choose the book first.</source>
        <translation>请先选择账本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="354"/>
        <source>Maps to</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="360"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="379"/>
        <source>{file}, sheet &apos;{sheet}&apos;: the header is row {row}; the columns below it are mapped as shown in the first line (change any: the preview is made again). The first {n} rows are shown.</source>
        <translation>{file}，工作表“{sheet}”：表头在第 {row} 行；其下各列按第一行所示对应到字段（任一列都可修改，修改后重新生成预览）。仅显示前 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="396"/>
        <source>{read} rows read: {new} to import, {merged} merged, {same} already in the books, {bad} refused; {skipped} blank, title, note or totals rows skipped.</source>
        <translation>共读取 {read} 行：{new} 行待导入，{merged} 行合并，{same} 行系统中已有，{bad} 行被拒绝；另跳过空行、标题行、备注行或合计行 {skipped} 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="421"/>
        <source>Save the refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="423"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="439"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="472"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="378"/>
        <location filename="../../desktop/ui/import_wizard.py" line="479"/>
        <source>Import a book…</source>
        <translation>导入账本…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="383"/>
        <location filename="../../desktop/ui/import_wizard.py" line="480"/>
        <source>Undo the chosen import</source>
        <translation>撤销所选导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="492"/>
        <source>{file}: {n} rows imported.</source>
        <translation>{file}：已导入 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="503"/>
        <source>Choose an import to undo.</source>
        <translation>请先选择要撤销的导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="512"/>
        <source>Batch {batch} undone: {n} documents reversed, {p} products retired.</source>
        <translation>批次 {batch} 已撤销：冲销 {n} 张单据，停用 {p} 种商品。</translation>
    </message>
</context>
<context>
    <name>ImportIssue</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="67"/>
        <source>&apos;{raw}&apos; read as {value}</source>
        <translation>“{raw}”读作 {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="68"/>
        <source>spaces taken out</source>
        <translation>已去掉空格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="69"/>
        <source>{what}: &apos;{value}&apos; is not a date (2024-03-05, 2024/3/5, 2024年3月5日)</source>
        <translation>{what}：“{value}”不是日期（如 2024-03-05、2024/3/5、2024年3月5日）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="70"/>
        <source>the &apos; an export puts before formula-like text taken off</source>
        <translation>已去掉导出时加在类似公式的文字前的 &apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="71"/>
        <source>full-width characters made plain</source>
        <translation>全角字符已转为半角</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="72"/>
        <source>spaces trimmed</source>
        <translation>已去掉首尾空格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="73"/>
        <source>unit &apos;{value}&apos; written as &apos;{canon}&apos;</source>
        <translation>单位“{value}”记为“{canon}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="74"/>
        <source>{what}: {value} has more than {places} decimals</source>
        <translation>{what}：{value} 的小数超过 {places} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="75"/>
        <source>{what}: &apos;{value}&apos; is not a number</source>
        <translation>{what}：“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="76"/>
        <source>stored as a number in the book</source>
        <translation>表中存成了数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="77"/>
        <source>{what}: &apos;{value}&apos; lost its digits to Excel&apos;s scientific notation; type the code again as text</source>
        <translation>{what}：“{value}”被 Excel 的科学计数法丢了位数；请以文本重新输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="78"/>
        <source>full-width digits made plain</source>
        <translation>全角数字已转为半角</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="79"/>
        <source>{what}: &apos;{value}&apos; has characters a scanner cannot read</source>
        <translation>{what}：“{value}”含扫码枪无法读出的字符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="80"/>
        <source>{what}: {value} is not a date</source>
        <translation>{what}：{value} 不是日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="81"/>
        <source>{what}: {value} lost its digits (Excel stored the code as a number)</source>
        <translation>{what}：{value} 丢了位数（Excel 把编码存成了数字）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="82"/>
        <source>{what}: {value} has a wrong check digit (it would be {check}); not stored, and not corrected</source>
        <translation>{what}：{value} 的校验位错误（应为 {check}）；不保存，也不擅自更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="83"/>
        <source>an Excel date number</source>
        <translation>Excel 日期序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="84"/>
        <source>dated {date}: the books are closed through {closed}</source>
        <translation>日期为 {date}：账期已关闭至 {closed}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="85"/>
        <source>these rows were imported already from {file} on {when} (batch {batch}): nothing to do</source>
        <translation>这些行已于 {when} 从 {file} 导入过（批次 {batch}）：无需再导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="86"/>
        <source>no product name</source>
        <translation>没有商品名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="87"/>
        <source>the minimum is above the maximum</source>
        <translation>下限高于上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="88"/>
        <source>totals row skipped</source>
        <translation>已跳过合计行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="89"/>
        <source>note line skipped: &apos;{text}&apos;</source>
        <translation>已跳过说明行：“{text}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="90"/>
        <source>no SKU and no barcode</source>
        <translation>既无编码也无条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="91"/>
        <source>{what} cannot be below zero</source>
        <translation>{what}不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="92"/>
        <source>{key} is in the books already as &apos;{name}&apos; with another {column}: change it in the books or in the book</source>
        <translation>{key} 已在系统中（“{name}”），但{column}不同：请在系统中或表格中改成一致</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="93"/>
        <source>no SKU: the barcode is used as the SKU</source>
        <translation>没有编码：以条码作为编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="94"/>
        <source>&apos;{name}&apos; is not a name (a phone number or a note?): skipped</source>
        <translation>“{name}”不是名称（电话号码或备注？）：已跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="95"/>
        <source>no SKU or barcode</source>
        <translation>没有编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="96"/>
        <source>no quantity, or one below zero</source>
        <translation>没有数量，或数量小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="97"/>
        <source>{key} is also on row {row}, with a different {column}</source>
        <translation>{key} 也在第 {row} 行，但{column}不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="98"/>
        <source>the same as row {row}: merged</source>
        <translation>与第 {row} 行相同：已合并</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="99"/>
        <source>barcode {code} is also on row {row} ({sku}): left out here</source>
        <translation>条码 {code} 也在第 {row} 行（{sku}）：此行不导入该条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="100"/>
        <source>{key} is in the books already</source>
        <translation>{key} 已在系统中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="101"/>
        <source>{key} was retired: brought back</source>
        <translation>{key} 已停用：重新启用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="102"/>
        <source>{key} is in the books already with another {what}</source>
        <translation>{key} 已在系统中，但{what}不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="103"/>
        <source>no product</source>
        <translation>没有商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="104"/>
        <source>barcode {code} belongs to product {sku} in the books: left out</source>
        <translation>条码 {code} 在系统中属于商品 {sku}：不导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="105"/>
        <source>no product with SKU or barcode {code} in the books</source>
        <translation>系统中没有编码或条码为 {code} 的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="106"/>
        <source>{problem}; left out</source>
        <translation>{problem}；不导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="107"/>
        <source>no amount (nor price and quantity)</source>
        <translation>没有金额（也没有单价和数量）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="31"/>
        <source>Labels for {n} product(s)</source>
        <translation>{n} 个商品的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="34"/>
        <source>Labels for the goods of {number}</source>
        <translation>{number} 入库商品的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="37"/>
        <source>Price-change labels</source>
        <translation>调价标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="48"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="57"/>
        <location filename="../../desktop/ui/labels_dialog.py" line="60"/>
        <source>Copies of each:</source>
        <translation>每个商品份数：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="59"/>
        <source>Price changed since:</source>
        <translation>调价起始日期：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="62"/>
        <source>One label for each unit received.</source>
        <translation>每入库一件打一张标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="69"/>
        <source>203 dpi (most label printers)</source>
        <translation>203 dpi（多数标签打印机）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="70"/>
        <source>300 dpi</source>
        <translation>300 dpi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="71"/>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="75"/>
        <source>Labels already used on the first sheet:</source>
        <translation>第一张纸已用掉的标签数：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="77"/>
        <source>Outline each label (a test on plain paper)</source>
        <translation>画出每张标签的边框（用普通纸试打）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="84"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="117"/>
        <source>no label template to print on</source>
        <translation>没有可用的标签模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="135"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels_dialog.py" line="136"/>
        <source>Labels are printed by a clerk, a manager or the owner.</source>
        <translation>标签由库管、店长或店主打印。</translation>
    </message>
</context>
<context>
    <name>Lines</name>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="57"/>
        <source>Scan or type a barcode or SKU, Enter adds it (3* before it: three)</source>
        <translation>扫描或输入条码、编码，按 Enter 添加（前加 3* 即 3 件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="60"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="60"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="61"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="61"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="63"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="63"/>
        <source>Expiry (2027-03-31)</source>
        <translation>有效期（2027-03-31）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="108"/>
        <source>No product has the code {code}.</source>
        <translation>找不到 {code} 对应的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="167"/>
        <source>quantity of {sku}</source>
        <translation>{sku} 的数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="174"/>
        <source>price of {sku}</source>
        <translation>{sku} 的价格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="183"/>
        <source>{sku}: the quantity must be above zero.</source>
        <translation>{sku}：数量必须大于零。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="38"/>
        <source>{sku}: the expiry &apos;{text}&apos; is not a date like 2027-03-31</source>
        <translation>{sku}：有效期“{text}”不是 2027-03-31 这样的日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lines_editor.py" line="220"/>
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="163"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="268"/>
        <location filename="../../desktop/ui/list_screen.py" line="173"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="216"/>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="219"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="223"/>
        <source>Could not read the list: {message}</source>
        <translation>无法读取列表：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="238"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="239"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="248"/>
        <source>Exporting {title}…</source>
        <translation>正在导出{title}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="249"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="279"/>
        <source>Exported {n} rows to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="46"/>
        <source>Storekeeper is locked</source>
        <translation>Storekeeper 已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="51"/>
        <source>Signed in as {name}. Enter the password to go on.</source>
        <translation>当前登录：{name}。输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="57"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/idle_lock.py" line="60"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="44"/>
        <location filename="../../desktop/ui/main_window.py" line="209"/>
        <source>{shop} - Storekeeper</source>
        <translation>{shop} - 进销存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="73"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="73"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="74"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="74"/>
        <source>stock clerk</source>
        <translation>库管员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <source>bookkeeper</source>
        <translation>会计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>Signed in as {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="87"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="88"/>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="89"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="94"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="95"/>
        <source>This screen&apos;s help ({key})</source>
        <translation>本界面帮助（{key}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152"/>
        <source>{title} ({n})</source>
        <translation>{title}（{n}）</translation>
    </message>
</context>
<context>
    <name>MoreReports</name>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="43"/>
        <source>Period: {start} to {end}</source>
        <translation>期间：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="58"/>
        <location filename="../../desktop/ui/more_reports.py" line="70"/>
        <source>Best sellers</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="59"/>
        <location filename="../../desktop/ui/more_reports.py" line="69"/>
        <source>Slowest sellers</source>
        <translation>滞销商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="64"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="65"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="66"/>
        <source>How many</source>
        <translation>显示条数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="80"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="81"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="82"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="83"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="84"/>
        <location filename="../../desktop/ui/more_reports.py" line="335"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="86"/>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="87"/>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="106"/>
        <location filename="../../desktop/ui/more_reports.py" line="358"/>
        <source>Stock value by category</source>
        <translation>分类库存金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="110"/>
        <source>On hand as of {when}</source>
        <translation>库存截至 {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="115"/>
        <source>Stock values are costs: this report is for roles that see costs.</source>
        <translation>库存金额即成本：此报表仅供可查看成本的角色使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="117"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="118"/>
        <source>Products in stock</source>
        <translation>有库存商品数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="119"/>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="120"/>
        <source>Value at price</source>
        <translation>售价金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="121"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="156"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="159"/>
        <location filename="../../desktop/ui/more_reports.py" line="360"/>
        <source>Receivables ageing</source>
        <translation>应收账龄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="160"/>
        <location filename="../../desktop/ui/more_reports.py" line="362"/>
        <source>Payables ageing</source>
        <translation>应付账龄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="163"/>
        <source>As of {day}</source>
        <translation>截至 {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="169"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="170"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="171"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="172"/>
        <source>0–30 days</source>
        <translation>0–30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="173"/>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="174"/>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="175"/>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="200"/>
        <source>SKU or barcode</source>
        <translation>货号或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="204"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="207"/>
        <source>Older movements…</source>
        <translation>更早的变动…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="214"/>
        <source>Movement history</source>
        <translation>商品出入库明细</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="217"/>
        <source>Product: {code}</source>
        <translation>商品：{code}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="220"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="221"/>
        <source>Document</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="222"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="223"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="224"/>
        <source>In / out</source>
        <translation>入 / 出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="225"/>
        <source>On hand after</source>
        <translation>结存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="227"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="228"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="234"/>
        <source>Type a product&apos;s SKU or barcode.</source>
        <translation>请输入商品的货号或条码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="273"/>
        <source>No product with SKU or barcode {code}</source>
        <translation>没有货号或条码为 {code} 的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="307"/>
        <source>{n} movements, newest first</source>
        <translation>共 {n} 笔变动，最新的在前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="309"/>
        <source>; older ones on request</source>
        <translation>；更早的可继续加载</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="320"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="323"/>
        <location filename="../../desktop/ui/more_reports.py" line="366"/>
        <source>Daily close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="326"/>
        <source>Day: {day}</source>
        <translation>日期：{day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="333"/>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="334"/>
        <source>Documents</source>
        <translation>单据数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="341"/>
        <source>Sales and returns: {docs}, quantity {qty}, amount {amount}</source>
        <translation>销售及退货：{docs} 单，数量 {qty}，金额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="346"/>
        <source>; cost {cost}, gross profit {profit}</source>
        <translation>；成本 {cost}，毛利 {profit}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="356"/>
        <source>Best and slowest sellers</source>
        <translation>畅销与滞销商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/more_reports.py" line="364"/>
        <source>Movement history of a product</source>
        <translation>商品出入库明细</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="102"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="103"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="106"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_dialog.py" line="123"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Parties</name>
    <message>
        <location filename="../../desktop/ui/parties.py" line="34"/>
        <location filename="../../desktop/ui/parties.py" line="41"/>
        <location filename="../../desktop/ui/parties.py" line="92"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="35"/>
        <location filename="../../desktop/ui/parties.py" line="42"/>
        <location filename="../../desktop/ui/parties.py" line="93"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="36"/>
        <location filename="../../desktop/ui/parties.py" line="102"/>
        <location filename="../../desktop/ui/parties.py" line="128"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="37"/>
        <location filename="../../desktop/ui/parties.py" line="106"/>
        <source>Owes the shop</source>
        <translation>应收余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="38"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="39"/>
        <source>Customers: {n}</source>
        <translation>客户：{n} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="43"/>
        <location filename="../../desktop/ui/parties.py" line="107"/>
        <source>Shop owes them</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="44"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="45"/>
        <source>Suppliers: {n}</source>
        <translation>供应商：{n} 家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="47"/>
        <source>Name or phone</source>
        <translation>名称或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="318"/>
        <location filename="../../desktop/ui/parties.py" line="49"/>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="339"/>
        <location filename="../../desktop/ui/parties.py" line="50"/>
        <source>New supplier…</source>
        <translation>新建供应商…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="51"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="81"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="82"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="84"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="85"/>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="101"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="110"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PrintSettings</name>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="35"/>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="38"/>
        <source>{file}: a logo must be under 2 MB</source>
        <translation>{file}：标志图片须小于 2 MB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="42"/>
        <source>{file}: not a picture (PNG or JPEG)</source>
        <translation>{file}：不是图片（PNG 或 JPEG）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="54"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="64"/>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="67"/>
        <source>No logo</source>
        <translation>不用标志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="73"/>
        <source>Logo on documents:</source>
        <translation>单据上的标志：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="87"/>
        <source>The system&apos;s default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="92"/>
        <source>{name} (not installed)</source>
        <translation>{name}（未安装）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="99"/>
        <source>PDF through the printer above</source>
        <translation>PDF，经上面选定的打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="100"/>
        <source>ESC/POS straight to the printer</source>
        <translation>ESC/POS 直接发送到打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="105"/>
        <source>/dev/usb/lp0, \\PC\Printer, a file, or 192.168.1.50:9100</source>
        <translation>/dev/usb/lp0、\\电脑\打印机、一个文件，或 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="110"/>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="112"/>
        <source>Receipt printer:</source>
        <translation>小票打印机：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="113"/>
        <source>ESC/POS printer at:</source>
        <translation>ESC/POS 打印机位置：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="114"/>
        <source>Receipt paper:</source>
        <translation>小票纸宽：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="117"/>
        <source>Save printers</source>
        <translation>保存打印机设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="148"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="155"/>
        <source>Shop logo</source>
        <translation>店铺标志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="156"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="166"/>
        <source>Logo saved.</source>
        <translation>标志已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="183"/>
        <source>Say where the ESC/POS printer is.</source>
        <translation>请填写 ESC/POS 打印机的位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_printing.py" line="195"/>
        <source>Printers saved for this computer.</source>
        <translation>本机打印机设置已保存。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="67"/>
        <source>Receipt {number}</source>
        <translation>小票 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="68"/>
        <source>Invoice {number}</source>
        <translation>销售单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="69"/>
        <source>Delivery note {number}</source>
        <translation>送货单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="70"/>
        <source>Purchase order {number}</source>
        <translation>采购订单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="80"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="81"/>
        <source>Invoice (A4)</source>
        <translation>销售单（A4）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="82"/>
        <source>Invoice (A5)</source>
        <translation>销售单（A5）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="83"/>
        <source>Delivery note (A4)</source>
        <translation>送货单（A4）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="84"/>
        <source>Delivery note (A5)</source>
        <translation>送货单（A5）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="86"/>
        <location filename="../../desktop/ui/print_actions.py" line="95"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="96"/>
        <source>Choose a document in the list first.</source>
        <translation>请先在列表中选一张单据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="130"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="131"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="321"/>
        <location filename="../../desktop/ui/help.py" line="342"/>
        <location filename="../../desktop/ui/print_actions.py" line="148"/>
        <source>Statement…</source>
        <translation>对账单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="156"/>
        <source>Statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="157"/>
        <source>Choose a customer or supplier first.</source>
        <translation>请先选一个客户或供应商。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="161"/>
        <source>Statement of {name}</source>
        <translation>{name} 的对账单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="166"/>
        <source>Statement of {name}, {start} to {end}</source>
        <translation>{name} 的对账单，{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="179"/>
        <location filename="../../desktop/ui/print_actions.py" line="232"/>
        <source>Count sheet</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="182"/>
        <source>Every category</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="184"/>
        <source>(no category)</source>
        <translation>（无分类）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="185"/>
        <source>Blind: without the quantities on record</source>
        <translation>盲盘：不印账面数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_actions.py" line="190"/>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="263"/>
        <location filename="../../desktop/ui/print_actions.py" line="213"/>
        <source>Count sheet…</source>
        <translation>盘点表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="39"/>
        <source>Receipts</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="40"/>
        <source>Invoices</source>
        <translation>销售单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="41"/>
        <source>Delivery notes</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="42"/>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="43"/>
        <source>Statements</source>
        <translation>对账单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="44"/>
        <source>Count sheets</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="45"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="89"/>
        <source>the printer {name} could not be opened</source>
        <translation>无法打开打印机 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="112"/>
        <source>{file} could not be read</source>
        <translation>无法读取 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="136"/>
        <source>{n} page(s)</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="141"/>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="144"/>
        <source>Print now</source>
        <translation>直接打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="146"/>
        <source>Straight to this kind&apos;s printer</source>
        <translation>直接发送到这类单据的打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="148"/>
        <source>Save as PDF… (Ctrl+S)</source>
        <translation>另存为 PDF…（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="151"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="168"/>
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="115"/>
        <location filename="../../desktop/ui/print_preview.py" line="169"/>
        <location filename="../../desktop/ui/print_preview.py" line="180"/>
        <source>No printer installed: save as PDF</source>
        <translation>未安装打印机：请另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="193"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="194"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="203"/>
        <source>{file} could not be written: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <location filename="../../desktop/ui/products.py" line="46"/>
        <location filename="../../desktop/ui/products.py" line="174"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="47"/>
        <location filename="../../desktop/ui/products.py" line="175"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="48"/>
        <location filename="../../desktop/ui/products.py" line="208"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="49"/>
        <location filename="../../desktop/ui/products.py" line="176"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="50"/>
        <location filename="../../desktop/ui/products.py" line="177"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="51"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="52"/>
        <location filename="../../desktop/ui/products.py" line="203"/>
        <location filename="../../desktop/ui/products.py" line="206"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="53"/>
        <location filename="../../desktop/ui/products.py" line="180"/>
        <location filename="../../desktop/ui/products.py" line="308"/>
        <location filename="../../desktop/ui/products.py" line="360"/>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="54"/>
        <location filename="../../desktop/ui/products.py" line="182"/>
        <location filename="../../desktop/ui/products.py" line="309"/>
        <location filename="../../desktop/ui/products.py" line="362"/>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="56"/>
        <location filename="../../desktop/ui/products.py" line="191"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="68"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="69"/>
        <source>Products: {n}</source>
        <translation>商品：{n} 种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="70"/>
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="301"/>
        <location filename="../../desktop/ui/products.py" line="73"/>
        <source>New product…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="76"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="76"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="83"/>
        <source>For the selected products…</source>
        <translation>为选中的商品…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="85"/>
        <source>Price changes since a date…</source>
        <translation>某日以来的调价…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="306"/>
        <location filename="../../desktop/ui/products.py" line="87"/>
        <location filename="../../desktop/ui/products.py" line="101"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="102"/>
        <source>Choose the products in the list first (Ctrl or Shift for several).</source>
        <translation>请先在列表中选择商品（按住 Ctrl 或 Shift 可多选）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="141"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="142"/>
        <source>Product {sku}</source>
        <translation>商品 {sku}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="164"/>
        <source>Tracked by batch and expiry</source>
        <translation>按批次和保质期管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="168"/>
        <source>On sale (active)</source>
        <translation>在售（启用）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="178"/>
        <location filename="../../desktop/ui/products.py" line="306"/>
        <location filename="../../desktop/ui/products.py" line="357"/>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="184"/>
        <source>Stock limits</source>
        <translation>库存上下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="195"/>
        <location filename="../../desktop/ui/products.py" line="301"/>
        <source>Expected cost</source>
        <translation>预计成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="201"/>
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="202"/>
        <source>Last receipt</source>
        <translation>最近进价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="215"/>
        <source>Scan or type a barcode</source>
        <translation>扫描或输入条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="216"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="218"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="237"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="240"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="242"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Purchasing</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="212"/>
        <location filename="../../desktop/ui/purchasing.py" line="52"/>
        <source>New order…</source>
        <translation>新建采购订单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="53"/>
        <source>Reorder suggestions…</source>
        <translation>补货建议…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="219"/>
        <location filename="../../desktop/ui/purchasing.py" line="55"/>
        <source>Receive without an order…</source>
        <translation>无订单入库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="58"/>
        <source>Return to supplier…</source>
        <translation>采购退货…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="60"/>
        <source>Pay a supplier…</source>
        <translation>供应商付款…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="62"/>
        <source>Labels for the goods of this receipt…</source>
        <translation>为这张入库单的商品打标签…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="64"/>
        <source>Print this order…</source>
        <translation>打印这张订单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="66"/>
        <source>Approval rules…</source>
        <translation>审批规则…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="224"/>
        <location filename="../../desktop/ui/purchasing.py" line="68"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="75"/>
        <source>{number} saved.</source>
        <translation>{number} 已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="106"/>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="113"/>
        <source>Choose a goods receipt in the list first.</source>
        <translation>请先在列表中选一张入库单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="119"/>
        <source>Choose a purchase order in the list first.</source>
        <translation>请先在列表中选一张采购订单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="150"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="162"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="313"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="150"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="162"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="313"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="151"/>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="151"/>
        <source>Received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="152"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="163"/>
        <source>Still due</source>
        <translation>未入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="152"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="104"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="164"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="279"/>
        <source>Unit cost</source>
        <translation>进价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="153"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="159"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="114"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="160"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="161"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="218"/>
        <location filename="../../desktop/ui/purchasing.py" line="162"/>
        <source>Receive…</source>
        <translation>收货入库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="163"/>
        <source>Cancel the order</source>
        <translation>作废订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="164"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="179"/>
        <source>Purchase order {number}</source>
        <translation>采购订单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="182"/>
        <source>Status: {status}; made by {creator} on {when}</source>
        <translation>状态：{status}；{creator} 于 {when} 制单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="186"/>
        <source>Expected on {date}</source>
        <translation>预计到货：{date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="189"/>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="191"/>
        <source>Rejected: {reason}</source>
        <translation>已驳回：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="91"/>
        <source>New purchase order</source>
        <translation>新建采购订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="99"/>
        <source>Expected on</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="101"/>
        <source>Urgent (approvers see it first, red)</source>
        <translation>加急（审批人优先看到，红色显示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="108"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="252"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="386"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="112"/>
        <source>Save as draft</source>
        <translation>存为草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="156"/>
        <source>Receive against {number}</source>
        <translation>按 {number} 收货入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="163"/>
        <source>Received now</source>
        <translation>本次入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="164"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="165"/>
        <source>Expiry (2027-03-31)</source>
        <translation>有效期（2027-03-31）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="182"/>
        <source>{supplier}: type how many came of each line (0 for none yet).</source>
        <translation>{supplier}：请填写每行的实到数量（未到填 0）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="186"/>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="280"/>
        <source>Post the receipt</source>
        <translation>确认入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="204"/>
        <source>quantity of {sku}</source>
        <translation>{sku} 的数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="208"/>
        <source>cost of {sku}</source>
        <translation>{sku} 的进价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="213"/>
        <source>Type how many came of at least one line.</source>
        <translation>请至少填写一行的实到数量。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="278"/>
        <source>Receive without an order</source>
        <translation>无订单入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="281"/>
        <source>Scan what came in first.</source>
        <translation>请先扫描到货的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="309"/>
        <source>Reorder suggestions</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="314"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="314"/>
        <source>Minimum</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="315"/>
        <source>Maximum</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="315"/>
        <source>To order</source>
        <translation>建议采购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="316"/>
        <source>Supplier (last receipt)</source>
        <translation>供应商（最近进货）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="322"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="331"/>
        <source>Nothing is below its minimum.</source>
        <translation>没有低于库存下限的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="334"/>
        <source>Make draft orders</source>
        <translation>生成草稿订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="352"/>
        <source>Draft orders made: {numbers}. Open each to check and submit it.</source>
        <translation>已生成草稿订单：{numbers}。请逐一打开核对并提交。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="356"/>
        <source>Left out (no supplier or cost yet): {skus}.</source>
        <translation>未生成（尚无供应商或进价）：{skus}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="289"/>
        <source>Return to a supplier</source>
        <translation>采购退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="290"/>
        <source>Credit per unit (empty: average cost)</source>
        <translation>退货单价（留空：按平均成本）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="292"/>
        <source>Post the return</source>
        <translation>确认退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="293"/>
        <source>Scan what goes back first.</source>
        <translation>请先扫描要退回的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="374"/>
        <source>Pay a supplier</source>
        <translation>供应商付款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="387"/>
        <source>The shop owes</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="388"/>
        <source>Amount paid</source>
        <translation>付款金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="389"/>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="391"/>
        <source>Post the payment</source>
        <translation>确认付款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="414"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="427"/>
        <source>Approval rules</source>
        <translation>审批规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="434"/>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="438"/>
        <source>Orders above</source>
        <translation>订单金额超过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="438"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="439"/>
        <source>Urgent orders skip it</source>
        <translation>加急单免审</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="443"/>
        <source>Add a step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="445"/>
        <source>Remove the step</source>
        <translation>删除该步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="448"/>
        <source>An order needs every step whose amount it is above, in order. A step not decided within the time limit goes to the next role up; nobody approves an order they made.</source>
        <translation>订单金额超过哪一级的金额，就须经过哪一级审批，按顺序逐级进行。某一级在时限内未处理的，自动升级给上一级角色；任何人都不能审批自己制作的订单。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="454"/>
        <source>Time limit per step</source>
        <translation>每级审批时限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="477"/>
        <source>a manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="478"/>
        <source>the owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing_dialogs.py" line="492"/>
        <source>amount of step {n}</source>
        <translation>第 {n} 级的金额</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="71"/>
        <source>{user} ({role}) may not do this: {action}</source>
        <translation>{user}（{role}）无权执行此操作：{action}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="72"/>
        <source>{user} ({role}) may not change a price ({what}): a manager must allow it</source>
        <translation>{user}（{role}）无权改价（{what}）：需经理授权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="73"/>
        <source>{user} ({role}) may not take goods back without a receipt: a manager must allow it</source>
        <translation>{user}（{role}）无权办理无小票退货：需经理授权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="74"/>
        <source>{user} ({role}) may not cancel {number}, made by someone else</source>
        <translation>{user}（{role}）无权作废他人制作的 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="75"/>
        <source>{user} created {number}: someone else must approve or reject it</source>
        <translation>{number} 由 {user} 制单：须由他人批准或驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="76"/>
        <source>{number} waits for {approver}&apos;s approval; {user} is {user_role}</source>
        <translation>{number} 需由{approver}审批；{user} 的角色是{user_role}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="77"/>
        <source>receiving more than ordered on {number} ({lines}) needs a manager&apos;s confirmation</source>
        <translation>{number} 超出订购数量收货（{lines}）需经理确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="79"/>
        <source>sign-in refused: unknown user or wrong password</source>
        <translation>登录被拒：用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="80"/>
        <source>user {user} is locked until {until} after repeated failures</source>
        <translation>用户 {user} 多次登录失败，已锁定至 {until}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="81"/>
        <source>the password for {user} is too short (at least {n} characters)</source>
        <translation>{user} 的密码太短（至少 {n} 个字符）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="82"/>
        <source>a user needs a name</source>
        <translation>用户名不能为空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="83"/>
        <source>unknown role &apos;{role}&apos;: one of {roles}</source>
        <translation>未知角色“{role}”：应为 {roles} 之一</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="84"/>
        <source>user &apos;{user}&apos; already exists</source>
        <translation>用户“{user}”已存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="85"/>
        <source>{user} can no longer sign in</source>
        <translation>{user} 已不能登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="86"/>
        <source>no user named &apos;{user}&apos;</source>
        <translation>没有名为“{user}”的用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="87"/>
        <source>{user} is the shop&apos;s only owner: make another owner first</source>
        <translation>{user} 是本店唯一的店主：请先另设一位店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="88"/>
        <source>{user} is the shop&apos;s only owner and cannot be deactivated</source>
        <translation>{user} 是本店唯一的店主，不能停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="89"/>
        <source>to change your own password, give the current one (change password, not reset)</source>
        <translation>修改自己的密码须输入当前密码（请用“修改密码”，而不是重设密码）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="91"/>
        <source>not enough stock of {sku}: wanted {wanted}, on hand {on_hand}</source>
        <translation>{sku} 库存不足：需要 {wanted}，现有 {on_hand}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="92"/>
        <source>cannot sell {qty} of {sku}: the only stock left is expired and cannot be sold: {batches}</source>
        <translation>{sku} 无法销售 {qty}：剩余库存均已过期，不能销售：{batches}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="93"/>
        <source>not enough stock of {sku} that can be sold: wanted {wanted}, {sellable} not expired; expired stock cannot be sold: {batches}</source>
        <translation>{sku} 可售库存不足：需要 {wanted}，未过期的只有 {sellable}；过期库存不能销售：{batches}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="94"/>
        <source>batch {batch} (expired {date}, {qty} on hand)</source>
        <translation>批次 {batch}（{date} 已过期，库存 {qty}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="95"/>
        <source>product {sku} is tracked by batch: give the batch number</source>
        <translation>商品 {sku} 按批次管理：请填写批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="96"/>
        <source>stock changed while posting; please try again</source>
        <translation>过账时库存发生了变化，请重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="97"/>
        <source>the database changed while posting; please try again</source>
        <translation>过账时数据发生了变化，请重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="98"/>
        <source>no product with SKU or barcode &apos;{code}&apos;</source>
        <translation>没有编码或条码为“{code}”的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="99"/>
        <source>no product with SKU &apos;{code}&apos;</source>
        <translation>没有编码为“{code}”的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="101"/>
        <source>scale label {code}: wrong check digit (misread: scan it again)</source>
        <translation>电子秤条码 {code}：校验位错误（读错了，请重新扫描）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="102"/>
        <source>scale label {code}: no product has the item code {item}</source>
        <translation>电子秤条码 {code}：没有商品代码为 {item} 的商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="103"/>
        <source>scale label {code}: {name} has no price to weigh by</source>
        <translation>电子秤条码 {code}：{name} 没有售价，无法按重量计价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="104"/>
        <source>scale label {code}: the weight is zero</source>
        <translation>电子秤条码 {code}：重量为零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="105"/>
        <source>{sku} {name}: no batch {batch} was received</source>
        <translation>{sku} {name}：批次 {batch} 没有入库记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="106"/>
        <source>{sku} {name}: batch {batch} expired on {date} and cannot be sold</source>
        <translation>{sku} {name}：批次 {batch} 已于 {date} 过期，不能销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="107"/>
        <source>nothing to hold: the sale has no lines</source>
        <translation>无法挂单：本单还没有商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="108"/>
        <source>{code}: quantity must be above zero, not {qty}</source>
        <translation>{code}：数量必须大于零，不能为 {qty}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="109"/>
        <source>that held sale was resumed on another till or is gone</source>
        <translation>该挂单已在其他收银台取回，或已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="111"/>
        <source>line {line} ({code}): quantity must be above zero</source>
        <translation>第 {line} 行（{code}）：数量必须大于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="112"/>
        <source>line {line} ({code}): price cannot be negative</source>
        <translation>第 {line} 行（{code}）：价格不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="113"/>
        <source>line {line} ({sku}): the product is tracked by batch; give a batch number</source>
        <translation>第 {line} 行（{sku}）：该商品按批次管理，请填写批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="114"/>
        <source>line {line} ({sku}): the product is not tracked by batch</source>
        <translation>第 {line} 行（{sku}）：该商品不按批次管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="115"/>
        <source>line {line} ({sku}): batch {batch} expired on {date} and cannot be sold</source>
        <translation>第 {line} 行（{sku}）：批次 {batch} 已于 {date} 过期，不能销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="116"/>
        <source>line {line} ({sku}): no batch {batch}</source>
        <translation>第 {line} 行（{sku}）：没有批次 {batch}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="117"/>
        <source>line {line} ({code}): a receipt line needs its unit cost</source>
        <translation>第 {line} 行（{code}）：入库行须填写进价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="118"/>
        <source>line {line} ({code}): an adjustment of zero changes nothing</source>
        <translation>第 {line} 行（{code}）：调整数量为零，库存不会变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="119"/>
        <source>line {line} ({code}): a count cannot be negative</source>
        <translation>第 {line} 行（{code}）：盘点数量不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="120"/>
        <source>a sale needs at least one line</source>
        <translation>销售单至少需要一行商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="121"/>
        <source>a return needs at least one line</source>
        <translation>退货单至少需要一行商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="122"/>
        <source>a receipt needs at least one line</source>
        <translation>入库单至少需要一行商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="123"/>
        <source>no {what} numbered &apos;{number}&apos;</source>
        <translation>没有单号为“{number}”的{what}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="125"/>
        <source>unknown payment &apos;{method}&apos;: one of {methods}</source>
        <translation>未知的付款方式“{method}”：应为 {methods} 之一</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="126"/>
        <source>a {method} payment must be above zero, not {amount}</source>
        <translation>{method}付款金额必须大于零，不能为 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="127"/>
        <source>the payments add up to {paid} but the sale comes to {total}</source>
        <translation>付款合计 {paid}，但本单应收 {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="128"/>
        <source>a sale on account needs a customer (--customer)</source>
        <translation>赊账须指定客户（--customer）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="129"/>
        <source>a payment must be above zero, not {amount}</source>
        <translation>付款金额必须大于零，不能为 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="130"/>
        <source>a refund without a receipt is paid out, not &apos;{method}&apos;</source>
        <translation>无小票退货须当场退款，不能用“{method}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="132"/>
        <source>{number} is not a sale: only a sale&apos;s goods can come back</source>
        <translation>{number} 不是销售单：只有销售的商品才能退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="133"/>
        <source>sale {number} is {status}: nothing can be returned</source>
        <translation>销售单 {number} 状态为{status}：不能退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="134"/>
        <source>line {line} ({sku}): cannot return {qty} of batch {batch}; sale {number} has {remaining} of that batch left to return</source>
        <translation>第 {line} 行（{sku}）：批次 {batch} 不能退 {qty}；销售单 {number} 中该批次只剩 {remaining} 可退</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="135"/>
        <source>line {line} ({sku}): cannot return {qty}; sale {number} sold {sold} and {returned} came back already</source>
        <translation>第 {line} 行（{sku}）：不能退 {qty}；销售单 {number} 售出 {sold}，已退 {returned}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="137"/>
        <source>the float cannot be below zero, not {amount}</source>
        <translation>备用金不能小于零，不能为 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="138"/>
        <source>{user} already has a shift open: close it first</source>
        <translation>{user} 已开班：请先交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="139"/>
        <source>{user} has no shift open</source>
        <translation>{user} 尚未开班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="140"/>
        <source>counted {method} cannot be below zero, not {amount}</source>
        <translation>实点{method}不能小于零，不能为 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="141"/>
        <source>{user}&apos;s shift was closed on another terminal</source>
        <translation>{user} 的班次已在其他终端交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="143"/>
        <source>{number} is itself a reversal and cannot be cancelled</source>
        <translation>{number} 本身是冲销单，不能作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="144"/>
        <source>{number} is already cancelled</source>
        <translation>{number} 已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="145"/>
        <source>{number} is {status}, not posted: nothing to cancel</source>
        <translation>{number} 状态为{status}，尚未过账：无需作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="146"/>
        <source>sale {number} has returns ({returns}): cancel those first</source>
        <translation>销售单 {number} 已有退货（{returns}）：请先作废退货单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="147"/>
        <source>cannot cancel {number}: {reason}</source>
        <translation>无法作废 {number}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="149"/>
        <source>cannot post {kind} dated {date}: the books are closed through {closed}</source>
        <translation>无法过账日期为 {date} 的{kind}：账期已关闭至 {closed}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="150"/>
        <source>cannot cancel {number} dated {date}: the books are closed through {closed}</source>
        <translation>无法作废 {number}（日期 {date}）：账期已关闭至 {closed}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="151"/>
        <source>cannot post draft {number} dated {date}: the books are closed through {closed}</source>
        <translation>无法过账草稿 {number}（日期 {date}）：账期已关闭至 {closed}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="152"/>
        <source>{what} dated {date}: the books are closed through {closed}</source>
        <translation>{what}（日期 {date}）：账期已关闭至 {closed}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="154"/>
        <source>a product needs a SKU</source>
        <translation>商品必须有编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="155"/>
        <source>product {sku} needs a name</source>
        <translation>商品 {sku} 必须有名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="156"/>
        <source>product {sku}: price and cost cannot be negative</source>
        <translation>商品 {sku}：售价和成本不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="157"/>
        <source>product {sku}: minimum {min} is above maximum {max}</source>
        <translation>商品 {sku}：下限 {min} 高于上限 {max}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="158"/>
        <source>a product with SKU {sku} already exists</source>
        <translation>编码为 {sku} 的商品已存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="159"/>
        <source>barcode {code} already belongs to product {sku}</source>
        <translation>条码 {code} 已属于商品 {sku}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="160"/>
        <source>product {sku}: the SKU cannot be empty</source>
        <translation>商品 {sku}：编码不能为空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="161"/>
        <source>product {sku}: SKU {new_sku} already belongs to another product</source>
        <translation>商品 {sku}：编码 {new_sku} 已被其他商品使用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="162"/>
        <source>product {sku}: the price cannot be negative</source>
        <translation>商品 {sku}：售价不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="163"/>
        <source>product {sku}: barcode {code} already belongs to product {other}</source>
        <translation>商品 {sku}：条码 {code} 已属于商品 {other}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="164"/>
        <source>product {sku}: {reason}</source>
        <translation>商品 {sku}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="165"/>
        <source>{what} cannot be negative</source>
        <translation>{what}不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="166"/>
        <source>minimum of {sku} cannot be negative</source>
        <translation>商品 {sku} 的库存下限不能为负数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="167"/>
        <source>maximum of {sku} cannot be negative</source>
        <translation>商品 {sku} 的库存上限不能为负数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="168"/>
        <source>a {party} needs a name</source>
        <translation>{party}必须有名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="169"/>
        <source>customer &apos;{name}&apos; already exists</source>
        <translation>客户“{name}”已存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="170"/>
        <source>supplier &apos;{name}&apos; already exists</source>
        <translation>供应商“{name}”已存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="171"/>
        <source>no customer named &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="172"/>
        <source>no supplier named &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="173"/>
        <source>{party} &apos;{name}&apos;: the name cannot be empty</source>
        <translation>{party}“{name}”：名称不能为空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="174"/>
        <source>{party} &apos;{name}&apos;: another {party} is already named &apos;{new_name}&apos;</source>
        <translation>{party}“{name}”：已有其他{party}名为“{new_name}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="175"/>
        <source>{party} &apos;{name}&apos;: the credit limit cannot be negative</source>
        <translation>{party}“{name}”：信用额度不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="176"/>
        <source>barcode is empty</source>
        <translation>条码为空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="177"/>
        <source>barcode &apos;{code}&apos; has characters a scanner cannot read</source>
        <translation>条码“{code}”含扫码枪无法读出的字符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="178"/>
        <source>barcode {code}: wrong {symbology} check digit (expected {check})</source>
        <translation>条码 {code}：{symbology} 校验位错误（应为 {check}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="180"/>
        <source>a purchase order needs at least one line</source>
        <translation>采购订单至少需要一行商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="181"/>
        <source>line {line} ({sku}): the product is on the order twice</source>
        <translation>第 {line} 行（{sku}）：该商品在订单中重复出现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="182"/>
        <source>line {line} ({sku}): give the unit cost (it was never received)</source>
        <translation>第 {line} 行（{sku}）：请填写进价（该商品从未入库）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="183"/>
        <source>line {line} ({sku}): not on order {number}</source>
        <translation>第 {line} 行（{sku}）：不在订单 {number} 中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="184"/>
        <source>the expected date {date} is in the past</source>
        <translation>预计到货日期 {date} 已经过去</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="185"/>
        <source>{number} is {status}: only a draft order is submitted</source>
        <translation>{number} 状态为{status}：只能提交草稿订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="186"/>
        <source>{number} is {status}: cancel its receipts first</source>
        <translation>{number} 状态为{status}：请先作废其入库单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="187"/>
        <source>{number} is already {status}</source>
        <translation>{number} 的状态已是“{status}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="188"/>
        <source>{number} is {status}: goods are received against an approved order</source>
        <translation>{number} 状态为{status}：只有已审批的订单才能收货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="189"/>
        <source>{number} is {status}, not awaiting approval</source>
        <translation>{number} 状态为{status}，并非待审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="190"/>
        <source>{number} has no approval waiting</source>
        <translation>{number} 没有待处理的审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="191"/>
        <source>rejecting {number} needs a reason for its creator</source>
        <translation>驳回 {number} 须填写原因，供制单人查看</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="192"/>
        <source>this shop receives goods against an approved purchase order only (--order NUMBER)</source>
        <translation>本店只凭已审批的采购订单收货（--order NUMBER）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="194"/>
        <source>no stock count {count}</source>
        <translation>找不到盘点 {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="195"/>
        <source>stock count {count} ({title}) is still being counted: finish counting first</source>
        <translation>盘点 {count}（{title}）仍在盘点中：请先结束盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="196"/>
        <source>stock count {count} ({title}) is {status}: only a count whose counting has finished can be posted</source>
        <translation>盘点 {count}（{title}）状态为{status}：只有已结束盘点的才能过账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="197"/>
        <source>stock count {count} ({title}): nothing was counted; cancel it</source>
        <translation>盘点 {count}（{title}）：没有盘点任何商品；请取消此次盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="198"/>
        <source>stock count {count} ({title}): counting has finished</source>
        <translation>盘点 {count}（{title}）：盘点已结束</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="199"/>
        <source>stock count {count} ({title}): it is {status}</source>
        <translation>盘点 {count}（{title}）：状态为{status}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="200"/>
        <source>{code}: a scan adds a quantity above zero</source>
        <translation>{code}：扫码录入的数量必须大于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="201"/>
        <source>{code}: a count cannot be negative</source>
        <translation>{code}：盘点数量不能小于零</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="203"/>
        <source>{number} is {status}, not a draft</source>
        <translation>{number} 状态为{status}，不是草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="204"/>
        <source>draft {number} was posted or discarded meanwhile</source>
        <translation>草稿 {number} 已被他人过账或丢弃</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="255"/>
        <source>cancel a document</source>
        <translation>作废单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="256"/>
        <source>back up the books</source>
        <translation>备份数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="257"/>
        <source>restore the books from a backup</source>
        <translation>从备份恢复数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="258"/>
        <source>change products, customers or suppliers</source>
        <translation>修改商品、客户或供应商资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="259"/>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="260"/>
        <source>change the settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="261"/>
        <source>see costs</source>
        <translation>查看成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="262"/>
        <source>see reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="263"/>
        <source>check the books</source>
        <translation>检查账目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="264"/>
        <source>change a price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="265"/>
        <source>take goods back without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="266"/>
        <source>open or close a shift</source>
        <translation>开班或交班</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="267"/>
        <source>approve purchase orders</source>
        <translation>审批采购订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="268"/>
        <source>receive more than ordered</source>
        <translation>超出订购数量收货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="269"/>
        <source>import old books</source>
        <translation>导入旧账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="270"/>
        <source>print statements</source>
        <translation>打印对账单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="271"/>
        <source>print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="272"/>
        <source>change label templates</source>
        <translation>修改标签模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="273"/>
        <source>archive old documents</source>
        <translation>归档旧单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="274"/>
        <source>read the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="279"/>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="280"/>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="281"/>
        <source>document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="286"/>
        <source>less in that batch</source>
        <translation>不足此数（该批次）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="287"/>
        <source>nothing in any batch</source>
        <translation>0（各批次均无库存）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/refusals.py" line="292"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="45"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="47"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="47"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="48"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="48"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="49"/>
        <source>Rejection rate</source>
        <translation>驳回率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="50"/>
        <source>Hours to approval</source>
        <translation>审批用时（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="51"/>
        <source>Hours to receipt</source>
        <translation>到货用时（小时）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="51"/>
        <source>Escalations</source>
        <translation>升级次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="52"/>
        <source>Timeouts</source>
        <translation>超时次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="52"/>
        <source>Reassigned</source>
        <translation>转派次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="59"/>
        <source>Per month of submission; hours are means from submission. Escalations and timeouts count approval steps left past their time limit.</source>
        <translation>按提交月份统计；用时为自提交起的平均小时数。升级与超时次数统计超过时限仍未处理的审批步骤。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="66"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/process_report.py" line="68"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>SalesCharts</name>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="74"/>
        <source>Sales by {grain}</source>
        <translation>按{grain}销售走势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="77"/>
        <location filename="../../desktop/ui/report_charts.py" line="155"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="79"/>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="99"/>
        <location filename="../../desktop/ui/report_charts.py" line="170"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="121"/>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="126"/>
        <source>Share of sales by category</source>
        <translation>各类别销售占比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="152"/>
        <source>Top {n} products by amount</source>
        <translation>销售额前 {n} 名商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="216"/>
        <source>Show (F5)</source>
        <translation>查询 (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="225"/>
        <source>Sales trend</source>
        <translation>销售走势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="226"/>
        <source>Category share</source>
        <translation>类别占比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="227"/>
        <source>Top products</source>
        <translation>热销商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="235"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="237"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="240"/>
        <source>Trend by</source>
        <translation>走势单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="286"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="303"/>
        <source>{start} to {end}: sales {amount}</source>
        <translation>{start} 至 {end}：销售额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="307"/>
        <source>, gross profit {profit}</source>
        <translation>，毛利 {profit}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_charts.py" line="310"/>
        <source> (the first and last points cover part of a {grain} only)</source>
        <translation>（首尾两点只含部分{grain}的数据）</translation>
    </message>
</context>
<context>
    <name>SalesReport</name>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="95"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="95"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="96"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="97"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="98"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="99"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="100"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="108"/>
        <source>(walk-in customers)</source>
        <translation>（散客）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="110"/>
        <source>(no category)</source>
        <translation>（无分类）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_frame.py" line="430"/>
        <source>{n} rows</source>
        <translation>共 {n} 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="116"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="117"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="121"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="122"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="124"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="125"/>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="126"/>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_frame.py" line="60"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="359"/>
        <location filename="../../desktop/ui/report_frame.py" line="275"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_frame.py" line="280"/>
        <source>Working…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="359"/>
        <location filename="../../desktop/ui/report_frame.py" line="312"/>
        <source>Show (F5)</source>
        <translation>查询 (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="361"/>
        <location filename="../../desktop/ui/report_frame.py" line="316"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="362"/>
        <location filename="../../desktop/ui/report_frame.py" line="319"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="157"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="158"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="159"/>
        <source>Group by</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_frame.py" line="410"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="195"/>
        <source>from the cache (no posting since)</source>
        <translation>取自缓存（此后无新单据过账）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="196"/>
        <source>read in {ms} ms</source>
        <translation>查询用时 {ms} 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="197"/>
        <source>{n} rows, {start} to {end}; {how}</source>
        <translation>共 {n} 行，{start} 至 {end}；{how}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="174"/>
        <source>Sales summary by {grouping}</source>
        <translation>销售汇总（按{grouping}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sales_report.py" line="178"/>
        <source>Period: {start} to {end}</source>
        <translation>期间：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_frame.py" line="472"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_frame.py" line="474"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../desktop/ui/screens.py" line="62"/>
        <source>SKU</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="63"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="64"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="65"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="66"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="67"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="68"/>
        <location filename="../../desktop/ui/screens.py" line="284"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="69"/>
        <source>Products: {n}</source>
        <translation>商品：{n} 种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="96"/>
        <location filename="../../desktop/ui/screens.py" line="131"/>
        <source>Sales and returns</source>
        <translation>销售及退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="287"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="154"/>
        <location filename="../../desktop/ui/screens.py" line="162"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="34"/>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="35"/>
        <source>Sale return</source>
        <translation>销售退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="36"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="37"/>
        <source>Receipt</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="38"/>
        <source>Purchase return</source>
        <translation>采购退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="39"/>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="40"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="41"/>
        <source>Supplier payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="42"/>
        <source>Customer payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="46"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="46"/>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="47"/>
        <source>awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="48"/>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="48"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="49"/>
        <source>partly received</source>
        <translation>部分入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="50"/>
        <source>received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="51"/>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="55"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="55"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="56"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="56"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="57"/>
        <source>on account</source>
        <translation>赊账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="58"/>
        <source>split</source>
        <translation>组合支付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="70"/>
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="38"/>
        <location filename="../../desktop/ui/screens.py" line="85"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="39"/>
        <location filename="../../desktop/ui/screens.py" line="86"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="40"/>
        <location filename="../../desktop/ui/screens.py" line="87"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="88"/>
        <location filename="../../desktop/ui/screens.py" line="153"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="89"/>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="42"/>
        <location filename="../../desktop/ui/screens.py" line="90"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="43"/>
        <location filename="../../desktop/ui/screens.py" line="91"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="92"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="97"/>
        <source>Sales and returns: {n}</source>
        <translation>销售及退货：{n} 张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="98"/>
        <source>Number or customer</source>
        <translation>单号或客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="41"/>
        <location filename="../../desktop/ui/screens.py" line="161"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="44"/>
        <location filename="../../desktop/ui/screens.py" line="279"/>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="45"/>
        <source>Purchase documents: {n}</source>
        <translation>采购单据：{n} 张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/purchasing.py" line="46"/>
        <source>Number or supplier</source>
        <translation>单号或供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="468"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="469"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="470"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="471"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="473"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="474"/>
        <source>Import: past imports</source>
        <translation>导入：导入记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="475"/>
        <source>Imports: {n}</source>
        <translation>导入：{n} 次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="476"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="130"/>
        <source>Stock on hand</source>
        <translation>库存现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="132"/>
        <source>Receivables: what customers owe</source>
        <translation>应收账款：客户欠款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="133"/>
        <source>Payables: what the shop owes</source>
        <translation>应付账款：本店欠款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="136"/>
        <source>Purchasing: approvals by month</source>
        <translation>采购：每月审批情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="137"/>
        <source>Archived sales and returns</source>
        <translation>已归档的销售与退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="356"/>
        <location filename="../../desktop/ui/screens.py" line="143"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="155"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="156"/>
        <source>Owes the shop</source>
        <translation>应收余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="157"/>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="164"/>
        <source>Payables</source>
        <translation>应付账款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="179"/>
        <source>Sales summary</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="180"/>
        <source>Sales charts</source>
        <translation>销售图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="277"/>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="251"/>
        <location filename="../../desktop/ui/screens.py" line="281"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="285"/>
        <source>Counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="288"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="292"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="293"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="295"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="297"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="299"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="158"/>
        <source>Customers: {n}</source>
        <translation>客户：{n} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="163"/>
        <source>Shop owes them</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="290"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="165"/>
        <source>Suppliers: {n}</source>
        <translation>供应商：{n} 家</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="28"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="37"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="38"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="41"/>
        <source>Lock the window after idle:</source>
        <translation>空闲多久后锁定窗口：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="43"/>
        <source>Books closed through</source>
        <translation>账期关闭至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="50"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="59"/>
        <source>Nothing dated on or before a closed date may be posted or cancelled.</source>
        <translation>关账日期当天及之前的单据不能过账或作废。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="96"/>
        <source>Saved: the window locks after {n} minutes idle.</source>
        <translation>已保存：空闲 {n} 分钟后锁定窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="98"/>
        <source>Saved: the window never locks by itself.</source>
        <translation>已保存：窗口不会自动锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="107"/>
        <source>Saved: the books are closed through {date}.</source>
        <translation>已保存：账期已关闭至 {date}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_security.py" line="111"/>
        <source>Saved: no period is closed.</source>
        <translation>已保存：没有关闭的账期。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="67"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="69"/>
        <source>There is no file there yet: a new shop will be created in it at the next start.</source>
        <translation>该位置还没有文件：下次启动时将在此新建店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="72"/>
        <source>Connected: {server}, schema {revision}.</source>
        <translation>已连接：{server}，数据结构版本 {revision}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="74"/>
        <source>Connected: {server}. It holds no shop yet: one will be created at the next start.</source>
        <translation>已连接：{server}。其中还没有店铺：下次启动时将新建。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="79"/>
        <source>The system keyring is not available: the password will be asked for at each start.</source>
        <translation>系统密钥环不可用：每次启动时都会询问密码。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="100"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="156"/>
        <source>Database (this computer)</source>
        <translation>数据库（本机设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="163"/>
        <source>This computer (a file)</source>
        <translation>本机（一个文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="165"/>
        <source>A PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="173"/>
        <location filename="../../desktop/ui/settings.py" line="211"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="182"/>
        <source>e.g. 192.168.1.10</source>
        <translation>例如 192.168.1.10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="188"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="202"/>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="206"/>
        <source>Encrypt the connection and verify the server (TLS)</source>
        <translation>加密连接并验证服务器（TLS）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="210"/>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>留空：使用系统的证书颁发机构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="244"/>
        <source>In use now:</source>
        <translation>当前使用：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="248"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="250"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="251"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="252"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="253"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="256"/>
        <source>Certificate authority:</source>
        <translation>证书颁发机构：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="262"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="426"/>
        <location filename="../../desktop/ui/settings.py" line="274"/>
        <location filename="../../desktop/ui/settings.py" line="300"/>
        <location filename="../../desktop/ui/settings.py" line="336"/>
        <location filename="../../desktop/ui/settings.py" line="384"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="281"/>
        <source>A change takes effect the next time Storekeeper starts.</source>
        <translation>更改在下次启动进销存时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="292"/>
        <source>Language (this computer)</source>
        <translation>语言（本机设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="297"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="306"/>
        <source>The language changes the next time Storekeeper starts.</source>
        <translation>语言在下次启动进销存时更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="308"/>
        <source>Language of the screens:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="321"/>
        <source>Shop details</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="323"/>
        <source>Shop name:</source>
        <translation>店名：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="323"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="324"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="324"/>
        <source>Tax number:</source>
        <translation>税号：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="344"/>
        <source>Only the owner can change the shop details.</source>
        <translation>只有店主可以修改店铺信息。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="354"/>
        <source>Scale labels</source>
        <translation>电子秤条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="365"/>
        <source>weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="366"/>
        <source>price</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="375"/>
        <source>First two digits:</source>
        <translation>前两位：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="376"/>
        <source>Digits of the item code:</source>
        <translation>商品代码位数：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="377"/>
        <source>The label carries the:</source>
        <translation>条码内含：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="378"/>
        <source>Decimals of the weight:</source>
        <translation>重量小数位数：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="379"/>
        <source>A scale label is an EAN-13: two digits (such as 20-29), the item code (the product&apos;s SKU or one of its barcodes), the weight or the price in fen, and a check digit. A code that is some product&apos;s barcode is always that product.</source>
        <translation>电子秤条码是 EAN-13 码：两位前缀（如 20-29）、商品代码（商品的编码或它的某个条码）、重量或金额（以分计），以及一位校验码。与某商品条码相同的码，始终识别为该商品。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="419"/>
        <source>Scale label layout saved.</source>
        <translation>电子秤条码格式已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="436"/>
        <source>The settings file could not be used as it is: {problem}</source>
        <translation>设置文件无法按原样使用：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="475"/>
        <source>leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="508"/>
        <source>Give the database file.</source>
        <translation>请填写数据库文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="511"/>
        <source>Give the server&apos;s name or address.</source>
        <translation>请填写服务器名称或地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="513"/>
        <source>Give the database&apos;s name.</source>
        <translation>请填写数据库名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="515"/>
        <source>Give the user name on the server.</source>
        <translation>请填写服务器上的用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="517"/>
        <source>The certificate authority file {file} does not exist.</source>
        <translation>证书颁发机构文件 {file} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="531"/>
        <source>The shop&apos;s database file</source>
        <translation>店铺数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="532"/>
        <source>Storekeeper database (*.db);;All files (*)</source>
        <translation>进销存数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="539"/>
        <source>The server&apos;s certificate authority</source>
        <translation>服务器的证书颁发机构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="540"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="564"/>
        <source>Trying {database}…</source>
        <translation>正在尝试 {database}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="578"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="591"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="600"/>
        <location filename="../../desktop/ui/settings.py" line="641"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>设置无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="606"/>
        <source>Saved. The change takes effect the next time Storekeeper starts.</source>
        <translation>已保存。更改在下次启动进销存时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="645"/>
        <source>Saved. The language changes the next time Storekeeper starts.</source>
        <translation>已保存。语言在下次启动进销存时更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="656"/>
        <source>Give the shop a name.</source>
        <translation>请填写店名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="667"/>
        <source>Shop details saved.</source>
        <translation>店铺信息已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="668"/>
        <source>Nothing changed.</source>
        <translation>没有更改。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="24"/>
        <location filename="../../desktop/ui/sign_in.py" line="35"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="31"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="32"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="36"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="50"/>
        <source>Too many failed attempts: this account is locked until {time}. The owner can unlock it sooner.</source>
        <translation>失败次数过多：该账户已锁定至 {time}。店主可以提前解锁。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="56"/>
        <source>Unknown user or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>StockHistory</name>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="37"/>
        <source>At the end of</source>
        <translation>截至日终</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="40"/>
        <location filename="../../desktop/ui/stock_history_ui.py" line="135"/>
        <source>Stock as of a date</source>
        <translation>某日库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="43"/>
        <source>On hand at the end of {day}</source>
        <translation>{day} 日终库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="49"/>
        <location filename="../../desktop/ui/stock_history_ui.py" line="81"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="50"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="51"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="52"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="54"/>
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="63"/>
        <source>{n} products on hand at the end of {day}</source>
        <translation>{day} 日终共 {n} 种商品有库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="88"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="89"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="92"/>
        <location filename="../../desktop/ui/stock_history_ui.py" line="137"/>
        <source>Product history</source>
        <translation>商品流水</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="95"/>
        <source>Product: {sku}</source>
        <translation>商品：{sku}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="102"/>
        <source>Type a product&apos;s SKU.</source>
        <translation>请输入商品编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="103"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="104"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="105"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="106"/>
        <source>By</source>
        <translation>经手人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="107"/>
        <source>In / out</source>
        <translation>出入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="108"/>
        <source>On hand after</source>
        <translation>结存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="110"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="111"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="112"/>
        <source>Order</source>
        <translation>采购单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="113"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="114"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stock_history_ui.py" line="127"/>
        <source>{n} operations, newest first</source>
        <translation>{n} 条记录，最新在前</translation>
    </message>
</context>
<context>
    <name>StockSettings</name>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="24"/>
        <source>Stock alerts and counts</source>
        <translation>库存预警与盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="33"/>
        <source>Send a test</source>
        <translation>发送测试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="39"/>
        <source>Alert webhook (WeCom, DingTalk):</source>
        <translation>预警群机器人（企业微信、钉钉）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="43"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="44"/>
        <source>Alert before expiry:</source>
        <translation>到期前预警：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="47"/>
        <source>ABC classes (% of sales value, A,B):</source>
        <translation>ABC 分类（销售额占比 %，A,B）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="50"/>
        <source>Count every (days, A,B,C):</source>
        <translation>盘点周期（天，A,B,C）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="54"/>
        <source>Products to count a day:</source>
        <translation>每日盘点商品数：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="55"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="107"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="115"/>
        <source>A test from Storekeeper: alerts will arrive here.</source>
        <translation>进销存测试消息：预警将发送到这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_stock.py" line="120"/>
        <source>The test was sent.</source>
        <translation>测试消息已发送。</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="36"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="37"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="38"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="39"/>
        <source>stock clerk</source>
        <translation>库管员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="40"/>
        <source>bookkeeper</source>
        <translation>会计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="109"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="113"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="113"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="113"/>
        <source>Can sign in</source>
        <translation>可登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="114"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="114"/>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="393"/>
        <location filename="../../desktop/ui/users_screen.py" line="116"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="117"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="119"/>
        <location filename="../../desktop/ui/users_screen.py" line="236"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="398"/>
        <location filename="../../desktop/ui/users_screen.py" line="121"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="122"/>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="124"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="161"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="161"/>
        <source>no (deactivated)</source>
        <translation>否（已停用）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="209"/>
        <location filename="../../desktop/ui/users_screen.py" line="211"/>
        <source>{name} can sign in now.</source>
        <translation>{name} 现在可以登录了。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="220"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="221"/>
        <source>New role for {name}:</source>
        <translation>{name} 的新角色：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="227"/>
        <source>{name} is now {role}.</source>
        <translation>{name} 现在的角色是{role}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="237"/>
        <source>{name} will no longer be able to sign in. Deactivate?</source>
        <translation>{name} 将无法再登录。确定停用？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="241"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} 已不能登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="249"/>
        <source>{name} is unlocked and can sign in again.</source>
        <translation>{name} 已解锁，可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="262"/>
        <source>Your password is changed.</source>
        <translation>您的密码已更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="263"/>
        <source>{name}&apos;s password is set; the account is unlocked.</source>
        <translation>{name} 的密码已设置，账户已解锁。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="269"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="270"/>
        <source>A new password for {name}. Tell it to them; it also unlocks the account.</source>
        <translation>为 {name} 设置新密码并告知本人；这也会解锁该账户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/users_screen.py" line="281"/>
        <source>There is no user named {name}.</source>
        <translation>没有名为 {name} 的用户。</translation>
    </message>
</context>
</TS>

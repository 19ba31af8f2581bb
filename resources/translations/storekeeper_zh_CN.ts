<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="556"/>
        <location filename="../../desktop/ui/settings.py" line="655"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="558"/>
        <source>The database &lt;b&gt;{database}&lt;/b&gt; on &lt;b&gt;{server}&lt;/b&gt; needs the password of &lt;b&gt;{user}&lt;/b&gt;.</source>
        <translation>服务器 &lt;b&gt;{server}&lt;/b&gt; 上的数据库 &lt;b&gt;{database}&lt;/b&gt; 需要用户 &lt;b&gt;{user}&lt;/b&gt; 的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="567"/>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="571"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="578"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="580"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="598"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="612"/>
        <source>The server refused this password.</source>
        <translation>服务器拒绝了这个密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="623"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="42"/>
        <source>Welcome to Storekeeper</source>
        <translation>欢迎使用进销存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="45"/>
        <source>This database has no shop yet. Create your shop, or look around a demo shop first.</source>
        <translation>这个数据库里还没有店铺。请新建您的店铺，或者先打开演示店铺看看。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="48"/>
        <source>Create a new shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="49"/>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="57"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="64"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="65"/>
        <source>Owner&apos;s user name</source>
        <translation>店主用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="66"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="67"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="70"/>
        <source>The demo shop has 300 products, 40 customers and three months of sales. Sign in as &lt;b&gt;{user}&lt;/b&gt; with the password &lt;b&gt;{password}&lt;/b&gt;.</source>
        <translation>演示店铺有 300 种商品、40 位客户和三个月的销售记录。请以 &lt;b&gt;{user}&lt;/b&gt; 登录，密码为 &lt;b&gt;{password}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="83"/>
        <source>Building the demo shop: %p%</source>
        <translation>正在生成演示店铺：%p%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="93"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="94"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="122"/>
        <source>Give the shop a name.</source>
        <translation>请填写店铺名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="126"/>
        <source>The password needs at least 4 characters.</source>
        <translation>密码至少需要 4 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="130"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="144"/>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="173"/>
        <source>The demo shop could not be built: {error}</source>
        <translation>无法生成演示店铺：{error}</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="139"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="149"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="192"/>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="195"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="199"/>
        <source>Could not read the list: {message}</source>
        <translation>无法读取列表：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="210"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="211"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="220"/>
        <source>Exporting {title}…</source>
        <translation>正在导出{title}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="221"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/list_screen.py" line="251"/>
        <source>Exported {n} rows to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="27"/>
        <location filename="../../desktop/ui/main_window.py" line="92"/>
        <source>{shop} - Storekeeper</source>
        <translation>{shop} - 进销存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="53"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="53"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="54"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="54"/>
        <source>stock clerk</source>
        <translation>库管员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="55"/>
        <source>bookkeeper</source>
        <translation>会计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="56"/>
        <source>Signed in as {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>Parties</name>
    <message>
        <location filename="../../desktop/ui/parties.py" line="31"/>
        <location filename="../../desktop/ui/parties.py" line="38"/>
        <location filename="../../desktop/ui/parties.py" line="87"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="32"/>
        <location filename="../../desktop/ui/parties.py" line="39"/>
        <location filename="../../desktop/ui/parties.py" line="88"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="33"/>
        <location filename="../../desktop/ui/parties.py" line="96"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="34"/>
        <location filename="../../desktop/ui/parties.py" line="100"/>
        <source>Owes the shop</source>
        <translation>应收余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="35"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="36"/>
        <source>Customers: {n}</source>
        <translation>客户：{n} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="40"/>
        <location filename="../../desktop/ui/parties.py" line="101"/>
        <source>Shop owes them</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="41"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="42"/>
        <source>Suppliers: {n}</source>
        <translation>供应商：{n} 家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="44"/>
        <source>Name or phone</source>
        <translation>名称或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="46"/>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="47"/>
        <source>New supplier…</source>
        <translation>新建供应商…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="48"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="76"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="77"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="79"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="80"/>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="95"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="108"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parties.py" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <location filename="../../desktop/ui/products.py" line="35"/>
        <location filename="../../desktop/ui/products.py" line="130"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="36"/>
        <location filename="../../desktop/ui/products.py" line="131"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="37"/>
        <location filename="../../desktop/ui/products.py" line="163"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="38"/>
        <location filename="../../desktop/ui/products.py" line="132"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="39"/>
        <location filename="../../desktop/ui/products.py" line="133"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="40"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="41"/>
        <location filename="../../desktop/ui/products.py" line="159"/>
        <location filename="../../desktop/ui/products.py" line="161"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="42"/>
        <location filename="../../desktop/ui/products.py" line="136"/>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="43"/>
        <location filename="../../desktop/ui/products.py" line="138"/>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="45"/>
        <location filename="../../desktop/ui/products.py" line="147"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="57"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="58"/>
        <source>Products: {n}</source>
        <translation>商品：{n} 种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="59"/>
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="62"/>
        <source>New product…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="65"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="65"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="100"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="101"/>
        <source>Product {sku}</source>
        <translation>商品 {sku}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="120"/>
        <source>Tracked by batch and expiry</source>
        <translation>按批次和保质期管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="124"/>
        <source>On sale (active)</source>
        <translation>在售（启用）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="134"/>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="140"/>
        <source>Stock limits</source>
        <translation>库存上下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="151"/>
        <source>Expected cost</source>
        <translation>预计成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="157"/>
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="158"/>
        <source>Last receipt</source>
        <translation>最近进价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="170"/>
        <source>Scan or type a barcode</source>
        <translation>扫描或输入条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="171"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="173"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="196"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/products.py" line="201"/>
        <source>Close</source>
        <translation>关闭</translation>
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
        <location filename="../../desktop/ui/screens.py" line="219"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="69"/>
        <source>Products: {n}</source>
        <translation>商品：{n} 种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="220"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="141"/>
        <location filename="../../desktop/ui/screens.py" line="149"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="37"/>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="38"/>
        <source>Sale return</source>
        <translation>销售退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="39"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="40"/>
        <source>Receipt</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="41"/>
        <source>Purchase return</source>
        <translation>采购退货</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="42"/>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="43"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="44"/>
        <source>Supplier payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="45"/>
        <source>Customer payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="49"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="49"/>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="50"/>
        <source>awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="51"/>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="51"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="52"/>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="56"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="56"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="57"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="57"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="58"/>
        <source>on account</source>
        <translation>赊账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="70"/>
        <source>Name, pinyin initials, SKU or barcode</source>
        <translation>名称、拼音首字母、编码或条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="74"/>
        <location filename="../../desktop/ui/screens.py" line="88"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="75"/>
        <location filename="../../desktop/ui/screens.py" line="89"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="76"/>
        <location filename="../../desktop/ui/screens.py" line="90"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="77"/>
        <location filename="../../desktop/ui/screens.py" line="140"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="78"/>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="79"/>
        <location filename="../../desktop/ui/screens.py" line="92"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="80"/>
        <location filename="../../desktop/ui/screens.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="81"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="82"/>
        <source>Counter: sales</source>
        <translation>收银台：销售单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="83"/>
        <source>Sales and returns: {n}</source>
        <translation>销售及退货：{n} 张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="84"/>
        <source>Number or customer</source>
        <translation>单号或客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="91"/>
        <location filename="../../desktop/ui/screens.py" line="148"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="94"/>
        <location filename="../../desktop/ui/screens.py" line="217"/>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="95"/>
        <source>Purchase documents: {n}</source>
        <translation>采购单据：{n} 张</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="96"/>
        <source>Number or supplier</source>
        <translation>单号或供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="100"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="101"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="102"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="103"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="104"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="105"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="106"/>
        <source>Import: past imports</source>
        <translation>导入：导入记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="107"/>
        <source>Imports: {n}</source>
        <translation>导入：{n} 次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="108"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="122"/>
        <source>Stock on hand</source>
        <translation>库存现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="123"/>
        <source>Receivables: what customers owe</source>
        <translation>应收账款：客户欠款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="124"/>
        <source>Payables: what the shop owes</source>
        <translation>应付账款：本店欠款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="130"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="142"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="143"/>
        <source>Owes the shop</source>
        <translation>应收余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="144"/>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="151"/>
        <source>Payables</source>
        <translation>应付账款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="215"/>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="221"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="225"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="226"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="228"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="145"/>
        <source>Customers: {n}</source>
        <translation>客户：{n} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="150"/>
        <source>Shop owes them</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="223"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="152"/>
        <source>Suppliers: {n}</source>
        <translation>供应商：{n} 家</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="65"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="67"/>
        <source>There is no file there yet: a new shop will be created in it at the next start.</source>
        <translation>该位置还没有文件：下次启动时将在此新建店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="70"/>
        <source>Connected: {server}, schema {revision}.</source>
        <translation>已连接：{server}，数据结构版本 {revision}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="72"/>
        <source>Connected: {server}. It holds no shop yet: one will be created at the next start.</source>
        <translation>已连接：{server}。其中还没有店铺：下次启动时将新建。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="77"/>
        <source>The system keyring is not available: the password will be asked for at each start.</source>
        <translation>系统密钥环不可用：每次启动时都会询问密码。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/ui/settings.py" line="96"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="138"/>
        <source>Database (this computer)</source>
        <translation>数据库（本机设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="145"/>
        <source>This computer (a file)</source>
        <translation>本机（一个文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="147"/>
        <source>A PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="155"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="164"/>
        <source>e.g. 192.168.1.10</source>
        <translation>例如 192.168.1.10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="170"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="184"/>
        <source>Remember the password on this computer</source>
        <translation>在这台电脑上记住密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="214"/>
        <source>In use now:</source>
        <translation>当前使用：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="218"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="220"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="221"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="222"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="223"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="226"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="238"/>
        <location filename="../../desktop/ui/settings.py" line="264"/>
        <location filename="../../desktop/ui/settings.py" line="300"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="245"/>
        <source>A change takes effect the next time Storekeeper starts.</source>
        <translation>更改在下次启动进销存时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="256"/>
        <source>Language (this computer)</source>
        <translation>语言（本机设置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="261"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="270"/>
        <source>The language changes the next time Storekeeper starts.</source>
        <translation>语言在下次启动进销存时更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="272"/>
        <source>Language of the screens:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="285"/>
        <source>Shop details</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="287"/>
        <source>Shop name:</source>
        <translation>店名：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="287"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="288"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="288"/>
        <source>Tax number:</source>
        <translation>税号：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="308"/>
        <source>Only the owner can change the shop details.</source>
        <translation>只有店主可以修改店铺信息。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="330"/>
        <source>The settings file could not be used as it is: {problem}</source>
        <translation>设置文件无法按原样使用：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="364"/>
        <source>leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="389"/>
        <source>Give the database file.</source>
        <translation>请填写数据库文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="392"/>
        <source>Give the server&apos;s name or address.</source>
        <translation>请填写服务器名称或地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="394"/>
        <source>Give the database&apos;s name.</source>
        <translation>请填写数据库名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="396"/>
        <source>Give the user name on the server.</source>
        <translation>请填写服务器上的用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="409"/>
        <source>The shop&apos;s database file</source>
        <translation>店铺数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="410"/>
        <source>Storekeeper database (*.db);;All files (*)</source>
        <translation>进销存数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="435"/>
        <source>Trying {database}…</source>
        <translation>正在尝试 {database}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="449"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="462"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="471"/>
        <location filename="../../desktop/ui/settings.py" line="512"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>设置无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="477"/>
        <source>Saved. The change takes effect the next time Storekeeper starts.</source>
        <translation>已保存。更改在下次启动进销存时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="516"/>
        <source>Saved. The language changes the next time Storekeeper starts.</source>
        <translation>已保存。语言在下次启动进销存时更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="527"/>
        <source>Give the shop a name.</source>
        <translation>请填写店名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="538"/>
        <source>Shop details saved.</source>
        <translation>店铺信息已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings.py" line="539"/>
        <source>Nothing changed.</source>
        <translation>没有更改。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="21"/>
        <location filename="../../desktop/ui/sign_in.py" line="36"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="28"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="29"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="37"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="54"/>
        <source>Too many failed attempts: this account is locked for a while.</source>
        <translation>失败次数过多：该账户已被暂时锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_in.py" line="57"/>
        <source>Unknown user or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="26"/>
        <source>{shop} - Storekeeper</source>
        <translation>{shop} - 进销存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="51"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="51"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="52"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="52"/>
        <source>stock clerk</source>
        <translation>库管员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="53"/>
        <source>bookkeeper</source>
        <translation>会计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="54"/>
        <source>Signed in as {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../desktop/ui/screens.py" line="115"/>
        <location filename="../../desktop/ui/screens.py" line="126"/>
        <source>SKU</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="116"/>
        <location filename="../../desktop/ui/screens.py" line="127"/>
        <location filename="../../desktop/ui/screens.py" line="140"/>
        <location filename="../../desktop/ui/screens.py" line="149"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="117"/>
        <location filename="../../desktop/ui/screens.py" line="129"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="118"/>
        <location filename="../../desktop/ui/screens.py" line="130"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="119"/>
        <location filename="../../desktop/ui/screens.py" line="132"/>
        <source>On hand</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="120"/>
        <location filename="../../desktop/ui/screens.py" line="131"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="121"/>
        <location filename="../../desktop/ui/screens.py" line="157"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="122"/>
        <location filename="../../desktop/ui/screens.py" line="136"/>
        <source>Products: {n}</source>
        <translation>商品：{n} 种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="128"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="133"/>
        <source>Min</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="134"/>
        <source>Max</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="135"/>
        <location filename="../../desktop/ui/screens.py" line="158"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="141"/>
        <location filename="../../desktop/ui/screens.py" line="150"/>
        <source>Phone</source>
        <translation>电话</translation>
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
        <location filename="../../desktop/ui/screens.py" line="159"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="145"/>
        <source>Customers: {n}</source>
        <translation>客户：{n} 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="151"/>
        <source>Shop owes them</source>
        <translation>应付余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="152"/>
        <location filename="../../desktop/ui/screens.py" line="160"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/screens.py" line="153"/>
        <source>Suppliers: {n}</source>
        <translation>供应商：{n} 家</translation>
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

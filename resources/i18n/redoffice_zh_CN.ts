<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="85"/>
        <location filename="../../redoffice/ui/dashboard.py" line="96"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="86"/>
        <location filename="../../redoffice/ui/dashboard.py" line="96"/>
        <source>Residents</source>
        <translation>居民人数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="87"/>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="88"/>
        <source>Floating population</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="96"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="102"/>
        <source>Residents per grid</source>
        <translation>各网格户数与人数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="103"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="40"/>
        <source>Change history</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="43"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="43"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="43"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="43"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="58"/>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="59"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="60"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/history_dialog.py" line="61"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="26"/>
        <source>Edit household</source>
        <translation>编辑户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="26"/>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="33"/>
        <source>Only for scattered buildings without an estate</source>
        <translation>仅用于不属于小区的散居楼院</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="40"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="41"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="42"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="43"/>
        <source>Room</source>
        <translation>室</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="44"/>
        <source>Address (no estate)</source>
        <translation>地址（无小区）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="45"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="46"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="47"/>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="48"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="57"/>
        <source>(no estate)</source>
        <translation>（无小区）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_dialog.py" line="58"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../redoffice/ui/household_picker.py" line="34"/>
        <source>Search address, head of household, pinyin initials, phone tail</source>
        <translation>搜索地址、户主姓名、拼音首字母、电话尾号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_picker.py" line="47"/>
        <source>Choose a household</source>
        <translation>选择户</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="39"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="51"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="52"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="53"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="54"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="55"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="56"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="61"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="80"/>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="81"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="82"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="83"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="84"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="85"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="17"/>
        <source>e.g. 幸福社区</source>
        <translation>例如：幸福社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="18"/>
        <source>e.g. 420106001001</source>
        <translation>例如：420106001001</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="20"/>
        <source>Community name</source>
        <translation>社区名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="21"/>
        <source>Community code</source>
        <translation>社区代码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="22"/>
        <source>Street office</source>
        <translation>所属街道名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="23"/>
        <source>Street code</source>
        <translation>街道代码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/identity_form.py" line="24"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="33"/>
        <source>RedOffice Community Workbench</source>
        <translation>社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="45"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="46"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="47"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="48"/>
        <source>Grids &amp; units</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="49"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="70"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="71"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="74"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="75"/>
        <source>&amp;About RedOffice</source>
        <translation>关于社区红色工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="92"/>
        <source>%1 · %2 · operator: %3</source>
        <translation>%1 · %2 · 经办人：%3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="103"/>
        <source>About RedOffice</source>
        <translation>关于社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="104"/>
        <source>RedOffice Community Workbench %1</source>
        <translation>社区红色工作台 %1</translation>
    </message>
</context>
<context>
    <name>PlaceFilters</name>
    <message>
        <location filename="../../redoffice/ui/place_filters.py" line="36"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/place_filters.py" line="37"/>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="81"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="108"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="109"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="110"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="111"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="174"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="175"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="176"/>
        <source>Organizations</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="177"/>
        <location filename="../../redoffice/ui/reference_page.py" line="253"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="187"/>
        <location filename="../../redoffice/ui/reference_page.py" line="259"/>
        <location filename="../../redoffice/ui/reference_page.py" line="265"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="190"/>
        <location filename="../../redoffice/ui/reference_page.py" line="195"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="191"/>
        <location filename="../../redoffice/ui/reference_page.py" line="196"/>
        <location filename="../../redoffice/ui/reference_page.py" line="208"/>
        <location filename="../../redoffice/ui/reference_page.py" line="214"/>
        <location filename="../../redoffice/ui/reference_page.py" line="237"/>
        <location filename="../../redoffice/ui/reference_page.py" line="243"/>
        <location filename="../../redoffice/ui/reference_page.py" line="256"/>
        <location filename="../../redoffice/ui/reference_page.py" line="262"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="192"/>
        <location filename="../../redoffice/ui/reference_page.py" line="197"/>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="198"/>
        <location filename="../../redoffice/ui/reference_page.py" line="226"/>
        <location filename="../../redoffice/ui/reference_page.py" line="246"/>
        <location filename="../../redoffice/ui/reference_page.py" line="266"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="205"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="209"/>
        <location filename="../../redoffice/ui/reference_page.py" line="215"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="210"/>
        <location filename="../../redoffice/ui/reference_page.py" line="218"/>
        <source>Property company</source>
        <translation>物业服务企业</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="211"/>
        <location filename="../../redoffice/ui/reference_page.py" line="223"/>
        <source>Owners&apos; committee</source>
        <translation>业主委员会</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="233"/>
        <source>Organization</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="236"/>
        <location filename="../../redoffice/ui/reference_page.py" line="242"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="238"/>
        <location filename="../../redoffice/ui/reference_page.py" line="244"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="239"/>
        <location filename="../../redoffice/ui/reference_page.py" line="245"/>
        <location filename="../../redoffice/ui/reference_page.py" line="258"/>
        <location filename="../../redoffice/ui/reference_page.py" line="264"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="257"/>
        <location filename="../../redoffice/ui/reference_page.py" line="263"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="86"/>
        <source>Edit resident</source>
        <translation>编辑居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="86"/>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="122"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="123"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="124"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="125"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="126"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="127"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="128"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="129"/>
        <source>Party organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="130"/>
        <source>Joined the Party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="131"/>
        <source>Place of household registration</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="132"/>
        <source>Current address</source>
        <translation>现住址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="133"/>
        <source>Residence type</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="134"/>
        <source>Household</source>
        <translation>所属户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="135"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="136"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="137"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="148"/>
        <location filename="../../redoffice/ui/resident_dialog.py" line="183"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="149"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="160"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="160"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="35"/>
        <source>Search name, pinyin (wxm), last digits of ID or phone, address</source>
        <translation>搜索姓名、拼音（如 wxm）、身份证或电话尾号、地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="50"/>
        <source>All groups</source>
        <translation>全部人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="53"/>
        <source>Registered</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="54"/>
        <source>Moved out / deceased</source>
        <translation>已迁出/已去世</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="55"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="58"/>
        <source>Party members only</source>
        <translation>只看党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="59"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="71"/>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="72"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="73"/>
        <source>Move to household…</source>
        <translation>迁至其他户…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="74"/>
        <source>Moved out / deceased…</source>
        <translation>迁出/去世…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="75"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="76"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="77"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="147"/>
        <source>Move to household</source>
        <translation>迁至其他户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="147"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="163"/>
        <source>Change status</source>
        <translation>变更人员状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="163"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
</context>
<context>
    <name>SearchableList</name>
    <message numerus="yes">
        <location filename="../../redoffice/ui/list_view.py" line="105"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="21"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="24"/>
        <source>Community and operator</source>
        <translation>社区信息与经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="50"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../redoffice/ui/setup_dialog.py" line="22"/>
        <source>Welcome to RedOffice</source>
        <translation>欢迎使用社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/setup_dialog.py" line="25"/>
        <source>Please enter your community&apos;s identity and your name. The operator is recorded on every change.</source>
        <translation>请填写本社区信息和您的姓名。每一次数据变更都会记录经办人。</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="36"/>
        <source>Group</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="36"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="36"/>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/resident_dialog.py" line="36"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="16"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="18"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="24"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="28"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="29"/>
        <location filename="../../redoffice/ui/columns.py" line="60"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="30"/>
        <location filename="../../redoffice/ui/columns.py" line="57"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="31"/>
        <location filename="../../redoffice/ui/columns.py" line="55"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="33"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="39"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="43"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="45"/>
        <source>Status</source>
        <translation>人员状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="56"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="58"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="59"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/columns.py" line="62"/>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../redoffice/ui/errors.py" line="17"/>
        <source>Something went wrong and nothing was saved. Details were written to {0}.</source>
        <translation>操作未能完成，未保存任何更改。详细信息已写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/errors.py" line="38"/>
        <source>RedOffice</source>
        <translation>社区红色工作台</translation>
    </message>
</context>
<context>
    <name>record_actions</name>
    <message>
        <location filename="../../redoffice/ui/record_actions.py" line="20"/>
        <source>Move %1 to the recycle bin? It can be restored later.</source>
        <translation>将“%1”移入回收站？以后可以恢复。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/record_actions.py" line="23"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentPicker</name>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="60"/>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="67"/>
        <source>Add photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="86"/>
        <source>Attachments: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="87"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="87"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="87"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="91"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="92"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="93"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/attachments_dialog.py" line="118"/>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>AttendeeTable</name>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="88"/>
        <source>Party</source>
        <translation>所属方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="89"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="90"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="91"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="92"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="93"/>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="94"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CalendarSettings</name>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="152"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="152"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="152"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="160"/>
        <source>e.g. 国庆节</source>
        <translation>如：国庆节</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="162"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="162"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="166"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="179"/>
        <source>Deadlines of normal requests count working days: Monday to Friday, without public holidays, plus 调休 working weekends.</source>
        <translation>一般诉求的办理时限按工作日计算：周一至周五，除去法定节假日，加上调休上班的周末。</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="49"/>
        <source>New request</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="60"/>
        <location filename="../../redoffice/ui/case_dialogs.py" line="93"/>
        <source>(not a member / anonymous)</source>
        <translation>（非本户成员或匿名）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="68"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="69"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="70"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="71"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="72"/>
        <source>Reporter</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="73"/>
        <source>Reporter (if not a resident here)</source>
        <translation>诉求人（非本社区居民时填写）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="74"/>
        <source>Reporter&apos;s phone</source>
        <translation>诉求人电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="75"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="76"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="77"/>
        <source>Handled by (staff)</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="78"/>
        <source>Handled by (organization)</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="79"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>CaseStepDialog</name>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="133"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="136"/>
        <source>Progress note</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="137"/>
        <source>Report to the street office</source>
        <translation>上报街道</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="140"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="143"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="146"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/case_dialogs.py" line="146"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="113"/>
        <source>Requests</source>
        <translation>民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="114"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="125"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="127"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="134"/>
        <source>Search number, request or place</source>
        <translation>搜索编号、诉求内容或地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="150"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="298"/>
        <source>By</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="152"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="151"/>
        <source>Done by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="153"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="154"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="172"/>
        <source>New request</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="173"/>
        <source>Next step</source>
        <translation>办理下一步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="174"/>
        <source>Progress note</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="175"/>
        <source>Report to street</source>
        <translation>上报街道</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="176"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="177"/>
        <source>Print ledger</source>
        <translation>打印民情台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="178"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="179"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="201"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="276"/>
        <source>Request ledger</source>
        <translation>民情台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="286"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="287"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="288"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="289"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="290"/>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="291"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="306"/>
        <source>Closure rate = closed / accepted; on-time rate = closed by the deadline / closed; satisfaction rate = satisfied or basically satisfied / called back.</source>
        <translation>办结率 = 办结数 / 受理数；按时办结率 = 在时限内办结数 / 办结数；满意率 = （满意 + 基本满意） / 回访数。</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="225"/>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="230"/>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="232"/>
        <source>Wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="233"/>
        <source>Party members</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="234"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="235"/>
        <source>Claimed on</source>
        <translation>认领日期</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="55"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="59"/>
        <source>Also close the requests behind it</source>
        <translation>同时办结相关的民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="63"/>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="64"/>
        <source>Verified by</source>
        <translation>核验人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="65"/>
        <source>Residents&apos; feedback</source>
        <translation>居民反馈</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="143"/>
        <location filename="../../redoffice/ui/dashboard.py" line="271"/>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="147"/>
        <location filename="../../redoffice/ui/dashboard.py" line="165"/>
        <source>Visits overdue</source>
        <translation>逾期未走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="148"/>
        <source>Visits due this week</source>
        <translation>本周应走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="149"/>
        <source>Requests due within 24 h</source>
        <translation>24小时内到期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="150"/>
        <source>Requests overdue</source>
        <translation>逾期诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="151"/>
        <source>Awaiting call-back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="152"/>
        <source>Open resolutions</source>
        <translation>未完成议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="153"/>
        <source>Overdue resolutions</source>
        <translation>逾期议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="154"/>
        <source>Wish claims not contacted</source>
        <translation>认领逾期未对接</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="155"/>
        <location filename="../../redoffice/ui/dashboard.py" line="164"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="156"/>
        <source>Residents</source>
        <translation>居民人数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="157"/>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="166"/>
        <source>Due this week</source>
        <translation>本周应走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="167"/>
        <source>Open requests</source>
        <translation>在办诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="168"/>
        <source>Overdue requests</source>
        <translation>逾期诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="185"/>
        <location filename="../../redoffice/ui/dashboard.py" line="196"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="186"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="188"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="191"/>
        <location filename="../../redoffice/ui/dashboard.py" line="206"/>
        <location filename="../../redoffice/ui/dashboard.py" line="217"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="192"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="193"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="195"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="207"/>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="208"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="209"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="210"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="218"/>
        <source>Wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="219"/>
        <source>Beneficiary</source>
        <translation>心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="220"/>
        <source>Claimed by</source>
        <translation>认领人/单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="221"/>
        <source>Contact by</source>
        <translation>对接截止</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="234"/>
        <source>Show for</source>
        <translation>查看范围</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="244"/>
        <source>Per grid</source>
        <translation>各网格情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="250"/>
        <source>Visits per month</source>
        <translation>每月走访户次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="251"/>
        <source>Requests by category (12 months)</source>
        <translation>诉求类别（近12个月）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="252"/>
        <source>Requests by state</source>
        <translation>诉求状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="270"/>
        <source>Mine: %1</source>
        <translation>我的：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="286"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="320"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="163"/>
        <location filename="../../redoffice/ui/dashboard.py" line="187"/>
        <location filename="../../redoffice/ui/dashboard.py" line="194"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/dashboard.py" line="253"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="274"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="281"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="282"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="283"/>
        <source>Feedback</source>
        <translation>心愿人反馈</translation>
    </message>
</context>
<context>
    <name>FulfilDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="248"/>
        <source>Fulfilled</source>
        <translation>兑现</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="251"/>
        <source>The beneficiary signed the receipt</source>
        <translation>心愿人已在签收单上签字</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="254"/>
        <source>Fulfilled on</source>
        <translation>兑现日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="255"/>
        <source>Actual value (yuan)</source>
        <translation>实际价值（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="256"/>
        <source>Receipt</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="257"/>
        <source>Photos</source>
        <translation>兑现照片</translation>
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
    <name>HouseholdField</name>
    <message>
        <location filename="../../redoffice/ui/household_picker.py" line="89"/>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_picker.py" line="90"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../redoffice/ui/household_picker.py" line="42"/>
        <source>Search address, head of household, pinyin initials, phone tail</source>
        <translation>搜索地址、户主姓名、拼音首字母、电话尾号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/household_picker.py" line="55"/>
        <source>Choose a household</source>
        <translation>选择户</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="41"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="54"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="55"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="56"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="57"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="58"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="63"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="74"/>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="75"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="76"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="77"/>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="78"/>
        <source>Blank visit form</source>
        <translation>空白走访表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="79"/>
        <source>New request</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="80"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="81"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="82"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/households_page.py" line="83"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
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
    <name>ImportWizard</name>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="60"/>
        <source>Import residents from Excel</source>
        <translation>从 Excel 导入居民台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="77"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="84"/>
        <source>Workbook (.xlsx, .xls from WPS or Excel 2003, .csv)</source>
        <translation>工作簿（.xlsx，WPS 或 Excel 2003 的 .xls，.csv）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="86"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="89"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="93"/>
        <source>Choose a workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="122"/>
        <source>Create unknown grids</source>
        <translation>自动新建表中的未知网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="123"/>
        <source>Import only if every row is good</source>
        <translation>全部行都合格才导入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="124"/>
        <source>Remember this mapping for workbooks like this</source>
        <translation>记住此列对应，下次同样表头自动使用</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="139"/>
        <source>Check which field each column fills (first rows shown below).</source>
        <translation>请核对每一列对应的字段（下方显示前几行数据）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="145"/>
        <location filename="../../redoffice/ui/import_wizard.py" line="201"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="146"/>
        <source>Check (dry run)</source>
        <translation>检查（预检，不写入）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="194"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="194"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="194"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="202"/>
        <source>Save failed rows…</source>
        <translation>保存不能导入的行…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="203"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="224"/>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged, %5 skipped, %6 cannot be imported</source>
        <translation>共 %1 行：新增 %2，更新 %3，无变化 %4，跳过 %5，不能导入 %6</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="239"/>
        <source>Save failed rows</source>
        <translation>保存不能导入的行</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="248"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="256"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="266"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/import_wizard.py" line="285"/>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>导入完成：新增 %1 人，更新 %2 人。</translation>
    </message>
</context>
<context>
    <name>IssueTable</name>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="82"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="82"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="82"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="68"/>
        <source>RedOffice Community Workbench</source>
        <translation>社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="83"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="84"/>
        <source>Visits</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="85"/>
        <source>Requests</source>
        <translation>民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="86"/>
        <source>Joint meetings</source>
        <translation>三方联席会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="87"/>
        <source>Micro-wishes</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="88"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="89"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="90"/>
        <source>Grids &amp; units</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="91"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="119"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="120"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="123"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="124"/>
        <source>&amp;About RedOffice</source>
        <translation>关于社区红色工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="177"/>
        <source>%1 · %2 · operator: %3</source>
        <translation>%1 · %2 · 经办人：%3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="188"/>
        <source>About RedOffice</source>
        <translation>关于社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="189"/>
        <source>RedOffice Community Workbench %1</source>
        <translation>社区红色工作台 %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="41"/>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="50"/>
        <source>Community Party committee</source>
        <translation>社区党委</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="57"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="58"/>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="59"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="60"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="61"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="62"/>
        <source>Convened by</source>
        <translation>召集人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="63"/>
        <source>Chaired by</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="64"/>
        <source>Minutes by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="65"/>
        <source>Notice given on</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="66"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meeting_dialog.py" line="67"/>
        <source>Requests for the agenda</source>
        <translation>列入议题的民情诉求</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="80"/>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="81"/>
        <source>Follow-up</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="91"/>
        <location filename="../../redoffice/ui/meetings_page.py" line="175"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="93"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="94"/>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="95"/>
        <location filename="../../redoffice/ui/meetings_page.py" line="182"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="96"/>
        <location filename="../../redoffice/ui/meetings_page.py" line="150"/>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="97"/>
        <source>Open resolutions</source>
        <translation>未完成议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="98"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="107"/>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="108"/>
        <source>Minutes…</source>
        <translation>会议纪要…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="109"/>
        <location filename="../../redoffice/ui/meetings_page.py" line="150"/>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="110"/>
        <source>Print minutes</source>
        <translation>打印会议纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="111"/>
        <source>Scanned minutes</source>
        <translation>纪要扫描件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="162"/>
        <source>All parties</source>
        <translation>全部责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="165"/>
        <source>Open only</source>
        <translation>只看未完成</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="167"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="176"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="177"/>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="178"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="179"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="180"/>
        <location filename="../../redoffice/ui/meetings_page.py" line="188"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="181"/>
        <location filename="../../redoffice/ui/meetings_page.py" line="289"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="188"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="188"/>
        <source>Done by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="188"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="194"/>
        <source>Deadline up to</source>
        <translation>时限截至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="204"/>
        <source>Progress…</source>
        <translation>进展…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="205"/>
        <source>Completed…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="206"/>
        <source>Cancel…</source>
        <translation>取消事项…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="207"/>
        <source>Print follow-up sheet</source>
        <translation>打印督办表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="208"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="217"/>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="241"/>
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/meetings_page.py" line="249"/>
        <source>%n resolution(s)</source>
        <translation>
            <numerusform>共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="315"/>
        <source>Requests closed: %1</source>
        <translation>已办结民情诉求：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="321"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="321"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="328"/>
        <source>Follow-up sheet</source>
        <translation>议定事项督办表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="333"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings_page.py" line="338"/>
        <source>Exported.</source>
        <translation>已导出。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="310"/>
        <source>Register a party member</source>
        <translation>登记双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="310"/>
        <source>Party member</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="316"/>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="320"/>
        <source>Still reports to this community</source>
        <translation>仍在本社区报到</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="323"/>
        <source>Resident (if living here)</source>
        <translation>本社区居民（如是）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="324"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="325"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="326"/>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="327"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="328"/>
        <source>Party organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="329"/>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="330"/>
        <source>Service commitments</source>
        <translation>服务承诺</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="184"/>
        <location filename="../../redoffice/ui/minutes_editor.py" line="397"/>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="191"/>
        <source>Minutes typed earlier were not saved. Restore them?</source>
        <translation>发现上次录入但未保存的会议纪要，是否恢复？</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="192"/>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="215"/>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="216"/>
        <source>Agenda and resolutions</source>
        <translation>议题与议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="217"/>
        <source>Next meeting</source>
        <translation>下次会议安排</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="220"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="221"/>
        <location filename="../../redoffice/ui/minutes_editor.py" line="384"/>
        <source>Finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="222"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="235"/>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="236"/>
        <source>From the registry…</source>
        <translation>从名单选择…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="237"/>
        <location filename="../../redoffice/ui/minutes_editor.py" line="248"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="248"/>
        <source>New item</source>
        <translation>新增议题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="254"/>
        <source>Item</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="255"/>
        <source>Discussion</source>
        <translation>讨论情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="256"/>
        <source>Resolutions</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="262"/>
        <source>Add resolution</source>
        <translation>添加议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="263"/>
        <source>Remove resolution</source>
        <translation>删除议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="288"/>
        <source>[earlier] </source>
        <translation>【上次】</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="288"/>
        <source>[request] </source>
        <translation>【诉求】</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="291"/>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="349"/>
        <source>Invite</source>
        <translation>邀请参会</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="349"/>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="363"/>
        <source>Draft autosaved.</source>
        <translation>草稿已自动保存。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="369"/>
        <source>Revise finalized minutes</source>
        <translation>修订已定稿的纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="369"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="375"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="383"/>
        <source>After finalizing, every change needs a reason. Finalize now?</source>
        <translation>定稿后每次修改都要填写修订原因。现在定稿吗？</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="396"/>
        <source>The minutes have unsaved changes. Save them?</source>
        <translation>会议纪要有未保存的修改，是否保存？</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="87"/>
        <source>Ledger period</source>
        <translation>台账期间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="92"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="92"/>
        <source>To</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PlaceFilters</name>
    <message>
        <location filename="../../redoffice/ui/place_filters.py" line="33"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/place_filters.py" line="34"/>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message numerus="yes">
        <location filename="../../redoffice/ui/preview.py" line="68"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/preview.py" line="77"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/preview.py" line="78"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/preview.py" line="79"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/preview.py" line="80"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/preview.py" line="108"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="80"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="107"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="108"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="109"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="110"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="161"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="162"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="163"/>
        <source>Organizations</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="164"/>
        <location filename="../../redoffice/ui/reference_page.py" line="240"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="174"/>
        <location filename="../../redoffice/ui/reference_page.py" line="246"/>
        <location filename="../../redoffice/ui/reference_page.py" line="252"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="177"/>
        <location filename="../../redoffice/ui/reference_page.py" line="182"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="178"/>
        <location filename="../../redoffice/ui/reference_page.py" line="183"/>
        <location filename="../../redoffice/ui/reference_page.py" line="195"/>
        <location filename="../../redoffice/ui/reference_page.py" line="201"/>
        <location filename="../../redoffice/ui/reference_page.py" line="224"/>
        <location filename="../../redoffice/ui/reference_page.py" line="230"/>
        <location filename="../../redoffice/ui/reference_page.py" line="243"/>
        <location filename="../../redoffice/ui/reference_page.py" line="249"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="179"/>
        <location filename="../../redoffice/ui/reference_page.py" line="184"/>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="185"/>
        <location filename="../../redoffice/ui/reference_page.py" line="213"/>
        <location filename="../../redoffice/ui/reference_page.py" line="233"/>
        <location filename="../../redoffice/ui/reference_page.py" line="253"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="192"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="196"/>
        <location filename="../../redoffice/ui/reference_page.py" line="202"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="197"/>
        <location filename="../../redoffice/ui/reference_page.py" line="205"/>
        <source>Property company</source>
        <translation>物业服务企业</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="198"/>
        <location filename="../../redoffice/ui/reference_page.py" line="210"/>
        <source>Owners&apos; committee</source>
        <translation>业主委员会</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="220"/>
        <source>Organization</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="223"/>
        <location filename="../../redoffice/ui/reference_page.py" line="229"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="225"/>
        <location filename="../../redoffice/ui/reference_page.py" line="231"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="226"/>
        <location filename="../../redoffice/ui/reference_page.py" line="232"/>
        <location filename="../../redoffice/ui/reference_page.py" line="245"/>
        <location filename="../../redoffice/ui/reference_page.py" line="251"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/reference_page.py" line="244"/>
        <location filename="../../redoffice/ui/reference_page.py" line="250"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>ResidentChooser</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="67"/>
        <source>Name, ID or phone tail</source>
        <translation>姓名、身份证或电话尾号</translation>
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
        <location filename="../../redoffice/ui/residents_page.py" line="37"/>
        <source>Search name, pinyin (wxm), last digits of ID or phone, address</source>
        <translation>搜索姓名、拼音（如 wxm）、身份证或电话尾号、地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="52"/>
        <source>All groups</source>
        <translation>全部人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="55"/>
        <source>Registered</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="56"/>
        <source>Moved out / deceased</source>
        <translation>已迁出/已去世</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="57"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="60"/>
        <source>Party members only</source>
        <translation>只看党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="61"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="73"/>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="74"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="75"/>
        <source>Move to household…</source>
        <translation>迁至其他户…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="76"/>
        <source>Moved out / deceased…</source>
        <translation>迁出/去世…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="77"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="78"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="79"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="80"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="81"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="153"/>
        <source>Move to household</source>
        <translation>迁至其他户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="153"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="169"/>
        <source>Change status</source>
        <translation>变更人员状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/residents_page.py" line="169"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
</context>
<context>
    <name>ResolutionTable</name>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="127"/>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="128"/>
        <source>Responsible party</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="129"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="130"/>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/minutes_editor.py" line="131"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>SearchableList</name>
    <message numerus="yes">
        <location filename="../../redoffice/ui/list_view.py" line="115"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="378"/>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="386"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="388"/>
        <source>Request number, e.g. 2026-00042</source>
        <translation>诉求编号，如 2026-00042</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="390"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="391"/>
        <source>Activity</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="392"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="393"/>
        <source>For the wish</source>
        <translation>关联心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="394"/>
        <source>For the request</source>
        <translation>关联诉求</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="27"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="41"/>
        <source>Community and operator</source>
        <translation>社区信息与经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="42"/>
        <source>Visits and requests</source>
        <translation>走访与诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="43"/>
        <source>Holidays and 调休</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings_page.py" line="63"/>
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
    <name>VerifyDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="192"/>
        <source>Verify</source>
        <translation>核实</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="198"/>
        <source>Verified on</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="199"/>
        <source>Verified by</source>
        <translation>核实人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="200"/>
        <source>How</source>
        <translation>核实方式</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="201"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="123"/>
        <source>Record a visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="133"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="137"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="139"/>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="140"/>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="142"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="144"/>
        <location filename="../../redoffice/ui/visit_dialog.py" line="145"/>
        <source>Names separated by 、</source>
        <translation>多人用顿号“、”分隔</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="146"/>
        <source>Party members along</source>
        <translation>陪同党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="147"/>
        <source>Volunteers along</source>
        <translation>陪同志愿者</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="155"/>
        <source>Purposes</source>
        <translation>走访目的</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="158"/>
        <source>Health, income, changes in the family…</source>
        <translation>健康、收入、家庭变化等情况…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="160"/>
        <source>Situation</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="163"/>
        <source>Resolved on the spot</source>
        <translation>现场解决问题数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="165"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="167"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="169"/>
        <source>Add issue</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="171"/>
        <source>Issues found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visit_dialog.py" line="173"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="65"/>
        <source>Visit records</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="66"/>
        <source>Visit plan</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="67"/>
        <source>Coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="84"/>
        <source>Search address</source>
        <translation>搜索地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="99"/>
        <source>New visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="100"/>
        <source>Print filled form</source>
        <translation>打印走访记录表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="101"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="102"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="103"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="104"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="144"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="145"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="146"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="147"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="148"/>
        <source>Every (days)</source>
        <translation>频次（天）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="149"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="158"/>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="159"/>
        <source>Print blank form</source>
        <translation>打印空白走访表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="161"/>
        <source>Worker</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="171"/>
        <source>All workers</source>
        <translation>全部工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="193"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="203"/>
        <source>%1 household(s) due this week, %2 overdue</source>
        <translation>本周应走访 %1 户，其中逾期 %2 户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="228"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="228"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="228"/>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="228"/>
        <source>Rate</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="234"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="250"/>
        <source>%1 to %2: %3 of %4 households visited (%5)</source>
        <translation>%1 至 %2：已走访 %3 户，共 %4 户（%5）</translation>
    </message>
</context>
<context>
    <name>WishDialog</name>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="104"/>
        <source>Register a wish</source>
        <translation>登记心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="104"/>
        <source>Correct a wish</source>
        <translation>修改心愿登记</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="115"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="117"/>
        <source>Agrees that the wish is published (signed)</source>
        <translation>本人已签字同意公开心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="119"/>
        <source>Only for a child under 14</source>
        <translation>未满14周岁时填写</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="121"/>
        <source>Beneficiary</source>
        <translation>心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="122"/>
        <source>Wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="123"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="124"/>
        <source>Group</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="125"/>
        <source>Estimated value</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="126"/>
        <source>Collected on</source>
        <translation>征集日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="127"/>
        <source>Collected by</source>
        <translation>征集人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="128"/>
        <source>Consent</source>
        <translation>同意公开</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="129"/>
        <source>Guardian who consented</source>
        <translation>同意的监护人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wish_dialogs.py" line="154"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>WishesPage</name>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="80"/>
        <source>Wishes</source>
        <translation>心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="81"/>
        <source>Party members</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="82"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="92"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="94"/>
        <source>Number, name or wish</source>
        <translation>编号、姓名或心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="100"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="101"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="102"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="123"/>
        <source>Round</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="103"/>
        <source>Beneficiary</source>
        <translation>心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="104"/>
        <source>Group</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="105"/>
        <source>Wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="106"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="107"/>
        <source>Value</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="108"/>
        <source>Claimed by</source>
        <translation>认领人/单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="109"/>
        <source>Contact by</source>
        <translation>对接截止</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="115"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="115"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="115"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="141"/>
        <source>Register a wish…</source>
        <translation>登记心愿…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="142"/>
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="143"/>
        <source>Do not publish…</source>
        <translation>不予发布…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="144"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="277"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="145"/>
        <source>Publish all verified</source>
        <translation>发布全部待发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="146"/>
        <source>Claim…</source>
        <translation>认领…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="147"/>
        <source>Contacted</source>
        <translation>已对接</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="148"/>
        <source>Cancel claim…</source>
        <translation>取消认领…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="149"/>
        <source>Fulfilled…</source>
        <translation>兑现…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="150"/>
        <source>Follow-up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="151"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="156"/>
        <source>New round…</source>
        <translation>开启新批次…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="157"/>
        <source>Wish wall (A4)</source>
        <translation>心愿墙公示（A4）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="158"/>
        <source>Wish wall (A3)</source>
        <translation>心愿墙公示（A3）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="159"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="330"/>
        <source>Claim card</source>
        <translation>认领登记卡</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="160"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="330"/>
        <source>Receipt</source>
        <translation>兑现签收单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="161"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="336"/>
        <source>Round summary</source>
        <translation>批次汇总</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="172"/>
        <source>All rounds</source>
        <translation>全部批次</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/wishes_page.py" line="187"/>
        <source>%n wish(es)</source>
        <translation>
            <numerusform>共 %n 个心愿</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="190"/>
        <source> (contact overdue)</source>
        <translation>（对接逾期）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="191"/>
        <source> (priority)</source>
        <translation>（优先）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="219"/>
        <source>Collected: %1</source>
        <translation>征集：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="220"/>
        <source>Consent: %1</source>
        <translation>同意：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="223"/>
        <source>Verified: %1</source>
        <translation>核实：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="225"/>
        <source>Claimer contact: %1</source>
        <translation>认领人联系方式：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="227"/>
        <source>Feedback: %1</source>
        <translation>心愿人反馈：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="265"/>
        <source>Do not publish</source>
        <translation>不予发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="266"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="305"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="276"/>
        <source>Publish every verified wish into the current round?</source>
        <translation>把所有待发布的心愿发布到当前批次？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/wishes_page.py" line="282"/>
        <source>%n wish(es) published</source>
        <translation>
            <numerusform>%n 个心愿已发布</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="304"/>
        <source>Cancel claim</source>
        <translation>取消认领</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="315"/>
        <source>New round</source>
        <translation>开启新批次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="315"/>
        <source>Name (e.g. 2027年第一批)</source>
        <translation>批次名称（如 2027年第一批）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="322"/>
        <source>Wish wall</source>
        <translation>心愿墙公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="343"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="344"/>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="345"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="355"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="346"/>
        <source>Party organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="347"/>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="348"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="355"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="349"/>
        <source>Hours this year</source>
        <translation>本年服务时长</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="355"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="355"/>
        <source>Members</source>
        <translation>报到党员数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="365"/>
        <source>Service record from</source>
        <translation>服务记录：从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="367"/>
        <location filename="../../redoffice/ui/wishes_page.py" line="478"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="380"/>
        <source>Register a member…</source>
        <translation>登记党员…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="381"/>
        <source>Add a service…</source>
        <translation>添加服务记录…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="382"/>
        <source>Print service record</source>
        <translation>打印服务记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="415"/>
        <source>All partner units</source>
        <translation>全部共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="451"/>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="462"/>
        <source>Counted by</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="463"/>
        <source>Collected</source>
        <translation>征集</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="464"/>
        <source>Verified</source>
        <translation>核实</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="465"/>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="466"/>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="467"/>
        <source>Fulfilled</source>
        <translation>兑现</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="468"/>
        <source>Claim rate</source>
        <translation>认领率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="469"/>
        <source>Fulfilment rate</source>
        <translation>兑现率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="476"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="491"/>
        <source>Counted by the date of each step: a claim cancelled later does not change the figures of earlier months.</source>
        <translation>按每个环节发生的日期统计：之后取消的认领不会改变以前月份的数字。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="498"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes_page.py" line="514"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
</context>
<context>
    <name>WorkSettings</name>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="66"/>
        <source>Everyone else</source>
        <translation>其他住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="69"/>
        <source>no rule</source>
        <translation>不单独设定</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="70"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="82"/>
        <source>Visit purposes (one per line)</source>
        <translation>走访目的（每行一项）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="83"/>
        <source>Request categories (one per line)</source>
        <translation>诉求类别（每行一项）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="86"/>
        <source>Normal requests: working days</source>
        <translation>一般诉求办理时限（工作日）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="89"/>
        <source>Visit every … days</source>
        <translation>走访频次（天）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="90"/>
        <source>Meeting types (one per line)</source>
        <translation>会议类型（每行一项）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="92"/>
        <source>Largest attachment (MB)</source>
        <translation>单个附件上限（MB）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="93"/>
        <source>Micro-wish value cap (yuan)</source>
        <translation>微心愿估价上限（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="94"/>
        <source>Claimer contacts the beneficiary within (days)</source>
        <translation>认领后须在几天内对接心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="98"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/work_settings.py" line="137"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="55"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="56"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="57"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="58"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="59"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="60"/>
        <source>Reporter</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="61"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="62"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="63"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="64"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases_page.py" line="65"/>
        <source>Call-back</source>
        <translation>回访结果</translation>
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
    <name>export</name>
    <message>
        <location filename="../../redoffice/ui/export.py" line="24"/>
        <location filename="../../redoffice/ui/export.py" line="30"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/export.py" line="31"/>
        <source>Export full ID numbers and phone numbers? Choose No to mask them. A full export is recorded in the audit log.</source>
        <translation>是否导出完整的身份证号和电话号码？选“否”则打码导出。完整导出会记入审计日志。</translation>
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
<context>
    <name>visits</name>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="40"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="41"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="42"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="43"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="44"/>
        <source>Purposes</source>
        <translation>走访目的</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="45"/>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="46"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="47"/>
        <source>Situation</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits_page.py" line="56"/>
        <source>Household visit form</source>
        <translation>入户走访记录表</translation>
    </message>
</context>
</TS>

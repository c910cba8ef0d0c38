<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="110"/>
        <source>Edit account</source>
        <translation>编辑账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="110"/>
        <source>New account</source>
        <translation>新增账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="115"/>
        <source>The charity holding a 社区慈善基金</source>
        <translation>托管社区慈善基金的慈善组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="117"/>
        <source>In use (income and payments can be recorded)</source>
        <translation>在用（可以记收入和支出）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="121"/>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="122"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="123"/>
        <source>Held by</source>
        <translation>托管/开户单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="124"/>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="125"/>
        <source>Opened on</source>
        <translation>开立日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="127"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="294"/>
        <source>New application</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="297"/>
        <source>(not a registered party member)</source>
        <translation>（申请人不是双报到党员）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="302"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="306"/>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="308"/>
        <source>Yuan a month per person</source>
        <translation>每人每月（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="311"/>
        <source>Only when helped within the last months</source>
        <translation>仅在近期已救助过时填写</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="314"/>
        <source>Applicant (resident)</source>
        <translation>申请人（居民）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="315"/>
        <source>Or a 双报到 party member</source>
        <translation>或双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="316"/>
        <source>Account</source>
        <translation>基金账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="317"/>
        <source>Hardship</source>
        <translation>困难类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="318"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="319"/>
        <source>Amount asked (yuan)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="320"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="321"/>
        <source>Family size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="322"/>
        <source>Income per head</source>
        <translation>人均月收入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="323"/>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="324"/>
        <source>Why help again</source>
        <translation>再次救助理由</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="325"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="97"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="98"/>
        <source>Waiting on me</source>
        <translation>待我办理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="99"/>
        <source>Payments due</source>
        <translation>待发放</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="103"/>
        <source>Number or applicant</source>
        <translation>编号或申请人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="109"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="110"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="111"/>
        <source>Grid / estate</source>
        <translation>网格/小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="112"/>
        <source>Hardship</source>
        <translation>困难类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="113"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="114"/>
        <source>Asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="115"/>
        <source>Approved</source>
        <translation>批准金额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="116"/>
        <source>Paid</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="117"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="118"/>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="119"/>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="131"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="132"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="133"/>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="134"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="135"/>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="157"/>
        <source>New application…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="158"/>
        <source>Review…</source>
        <translation>初审…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="159"/>
        <source>Approve…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="160"/>
        <source>Higher approval…</source>
        <translation>上级审批…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="161"/>
        <source>Refuse…</source>
        <translation>不予批准…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="162"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="163"/>
        <source>Public notice…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="164"/>
        <source>Objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="165"/>
        <source>Resolve objection…</source>
        <translation>处理异议…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="166"/>
        <source>Pay out…</source>
        <translation>发放…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="171"/>
        <source>Print approval form</source>
        <translation>打印审批表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="172"/>
        <source>Print receipt slip</source>
        <translation>打印签收单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="173"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="236"/>
        <source>%n application(s)</source>
        <translation>
            <numerusform>共 %n 件申请</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="281"/>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="282"/>
        <source>Entered by: %1</source>
        <translation>录入：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="283"/>
        <source>Reason: %1</source>
        <translation>事由：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="286"/>
        <source>Family of %1</source>
        <translation>家庭 %1 人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="289"/>
        <source>Income per head: %1 a month</source>
        <translation>人均月收入 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="293"/>
        <source>Notice %1: %2 to %3</source>
        <translation>公示 %1：%2 至 %3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="299"/>
        <source>Helped again because: %1</source>
        <translation>再次救助理由：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="301"/>
        <source>Closed because: %1</source>
        <translation>终止原因：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="304"/>
        <source>resolved %1: %2 %3</source>
        <translation>%1 已处理：%2 %3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="309"/>
        <source>not resolved</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="312"/>
        <source>Objection of %1: %2 (%3)</source>
        <translation>%1 异议：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="337"/>
        <source>%1 %2, asked %3</source>
        <translation>%1 %2，申请 %3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="343"/>
        <source>, approved %1</source>
        <translation>，批准 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="362"/>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/applications_tab.py" line="363"/>
        <source>No application is approved and waiting for its public notice.</source>
        <translation>没有已批准、等待公示的申请。</translation>
    </message>
</context>
<context>
    <name>AttachmentPicker</name>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="61"/>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="68"/>
        <source>Add photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="87"/>
        <source>Attachments: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="88"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="88"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="88"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="92"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="93"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/attachments_dialog.py" line="119"/>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>AttendeeTable</name>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="88"/>
        <source>Party</source>
        <translation>所属方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="89"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="90"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="91"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="92"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="93"/>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="94"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="163"/>
        <source>%1: %2 so far this month (up to today)</source>
        <translation>%1：本月至今（截至今日）%2 户次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="245"/>
        <source>light: this month so far</source>
        <translation>浅色：本月至今（截至今日）</translation>
    </message>
</context>
<context>
    <name>CalendarSettings</name>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="176"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="176"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="176"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="183"/>
        <source>e.g. 国庆节</source>
        <translation>如：国庆节</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="185"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="185"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="191"/>
        <source>Import list…</source>
        <translation>导入清单…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="194"/>
        <source>A text or CSV file, one day or range a line: 2027-01-01,元旦,休 / 2027-02-10~2027-02-16,春节,休 / 2027-02-07,春节调休,班; or the State Council&apos;s notice on the year&apos;s holidays, pasted into a text file</source>
        <translation>文本或 CSV 文件，每行一天或一段日期：2027-01-01,元旦,休 / 2027-02-10~2027-02-16,春节,休 / 2027-02-07,春节调休,班；也可以是粘贴到文本文件中的国务院办公厅节假日安排通知</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="200"/>
        <source>Paste notice…</source>
        <translation>粘贴通知…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="204"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="219"/>
        <source>Deadlines of normal requests count working days: Monday to Friday, without public holidays, plus 调休 working weekends.</source>
        <translation>一般诉求的办理时限按工作日计算：周一至周五，除去法定节假日，加上调休上班的周末。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="253"/>
        <source>Import public holidays and 调休 working days</source>
        <translation>导入法定节假日和调休上班日</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="254"/>
        <source>Text or CSV (*.txt *.csv);;All files (*)</source>
        <translation>文本或 CSV 文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="281"/>
        <source>Imported %1 days: %2 new, %3 changed, %4 already so.</source>
        <translation>已导入 %1 天：新增 %2 天，更新 %3 天，原已相同 %4 天。</translation>
    </message>
</context>
<context>
    <name>CancelMeetingDialog</name>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_changes.py" line="75"/>
        <source>Cancel the meeting</source>
        <translation>取消会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_changes.py" line="82"/>
        <source>e.g. postponed: the owners&apos; committee is re-elected</source>
        <translation>如：业委会换届，延期召开</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_changes.py" line="84"/>
        <source>Cancelled on</source>
        <translation>取消日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_changes.py" line="85"/>
        <source>Reason</source>
        <translation>取消原因</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="48"/>
        <source>New request</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="59"/>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="93"/>
        <source>(not a member / anonymous)</source>
        <translation>（非本户成员或匿名）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="61"/>
        <source>If not a resident here</source>
        <translation>非本社区居民时填写</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="68"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="69"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="70"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="71"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="72"/>
        <source>Reporter</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="73"/>
        <source>Reporter&apos;s name</source>
        <translation>诉求人姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="74"/>
        <source>Reporter&apos;s phone</source>
        <translation>诉求人电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="75"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="76"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="77"/>
        <source>Handled by (staff)</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="78"/>
        <source>Handled by (organization)</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="79"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>CaseStatsTab</name>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="215"/>
        <source>Request statistics</source>
        <translation>民情诉求统计</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="231"/>
        <source>By</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="235"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="236"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="237"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="238"/>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="239"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="246"/>
        <source>Requests accepted in the period. Closure rate = closed / accepted; on-time rate = closed by the deadline / closed; satisfaction rate = satisfied or basically satisfied / called back.</source>
        <translation>统计期间内受理的诉求。办结率 = 办结数 / 受理数；按时办结率 = 在时限内办结数 / 办结数；满意率 = 满意和基本满意数 / 已回访数。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/kit/figures.py" line="268"/>
        <source>%n request(s) accepted</source>
        <translation>
            <numerusform>期间受理诉求 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseStepDialog</name>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="131"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="134"/>
        <source>Progress note</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="135"/>
        <source>Report to the street office</source>
        <translation>上报街道</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="138"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="141"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="144"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/case_dialogs.py" line="144"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="139"/>
        <source>Requests</source>
        <translation>民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="141"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="153"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="155"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="162"/>
        <source>Search number, request or place</source>
        <translation>搜索编号、诉求内容或地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="179"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="181"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="180"/>
        <source>Done by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="182"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="183"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="204"/>
        <source>New request</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="205"/>
        <source>Next step</source>
        <translation>办理下一步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="206"/>
        <source>Progress note</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="207"/>
        <source>Report to street</source>
        <translation>上报街道</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="208"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="209"/>
        <source>Print ledger</source>
        <translation>打印民情台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="210"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="211"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="212"/>
        <source>Print list</source>
        <translation>打印列表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="212"/>
        <source>Requests list</source>
        <translation>民情诉求清单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="244"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="314"/>
        <source>Request ledger</source>
        <translation>民情台账</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="228"/>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="233"/>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="235"/>
        <source>Wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="236"/>
        <source>Party members</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="237"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="238"/>
        <source>Claimed on</source>
        <translation>认领日期</translation>
    </message>
</context>
<context>
    <name>ClosePeriodDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="260"/>
        <source>Close a period</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="262"/>
        <source>2026Q3 (a quarter) or 2026 (a year)</source>
        <translation>2026Q3（季度）或 2026（年度）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="266"/>
        <source>Once closed, nothing can be dated inside the period any more; a mistake is then corrected by a reversing entry dated later.</source>
        <translation>结账后，该期间内不能再记任何账；发现差错时，以后的日期记冲正。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="271"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="272"/>
        <source>Closed on</source>
        <translation>结账日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="273"/>
        <source>Closed by</source>
        <translation>结账人</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="55"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="60"/>
        <source>Also close the requests behind it</source>
        <translation>同时办结相关的民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="65"/>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="66"/>
        <source>Verified by</source>
        <translation>核验人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="67"/>
        <source>Residents&apos; feedback</source>
        <translation>居民反馈</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="44"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="47"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="49"/>
        <source>Reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="39"/>
        <source>Show reviewed</source>
        <translation>显示已核对</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="45"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="46"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="48"/>
        <source>Fields differing</source>
        <translation>不同的字段</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="55"/>
        <source>Reviewed…</source>
        <translation>已核对…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="61"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="61"/>
        <source>Street office&apos;s version</source>
        <translation>街道的版本</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="61"/>
        <source>Community&apos;s version</source>
        <translation>社区的版本</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="71"/>
        <source>A record changed here and by its community: the community&apos;s copy was applied. Compare the two versions; change the record again or ask the community to if the street office&apos;s change is still wanted, then mark the conflict reviewed.</source>
        <translation>街道和社区都改过的记录：已采用社区的版本。请对照两个版本；街道的修改如仍需要，请重新修改或请社区修改，然后标记为已核对。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="103"/>
        <source>%1 conflict(s) to review.</source>
        <translation>有 %1 条冲突待核对。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="113"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="113"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="129"/>
        <source>Select a conflict to compare the two versions.</source>
        <translation>选中一条冲突，可在下方对照两个版本。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="134"/>
        <source> (no longer held here)</source>
        <translation>（本地已无此记录）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="136"/>
        <source>Reviewed %1 by %2</source>
        <translation>%2 于 %1 核对</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="145"/>
        <source>(no field differs now)</source>
        <translation>（现在没有不同的字段）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="153"/>
        <source>Mark reviewed</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/conflicts_tab.py" line="154"/>
        <source>%1 %2: a note on what was done (optional)</source>
        <translation>%1 %2：核对说明（可不填）</translation>
    </message>
</context>
<context>
    <name>CorrectMeetingDialog</name>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_changes.py" line="38"/>
        <source>Correct the meeting</source>
        <translation>修改会议</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="176"/>
        <source>Visit coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="182"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="182"/>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="182"/>
        <source>Rate</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="183"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="184"/>
        <source>Special group</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="199"/>
        <source>%1 of %2 households visited (%3)</source>
        <translation>%2 户中已走访 %1 户（%3）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="364"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="526"/>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="368"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="394"/>
        <source>Visits overdue</source>
        <translation>逾期未走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="369"/>
        <source>Visits due this week</source>
        <translation>本周应走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="370"/>
        <source>Requests due within 24 h</source>
        <translation>24小时内到期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="371"/>
        <source>Requests overdue</source>
        <translation>逾期诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="372"/>
        <source>Awaiting call-back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="373"/>
        <source>Open resolutions</source>
        <translation>未完成议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="374"/>
        <source>Overdue resolutions</source>
        <translation>逾期议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="375"/>
        <source>Wish claims not contacted</source>
        <translation>认领逾期未对接</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="376"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="393"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="377"/>
        <source>Residents</source>
        <translation>居民人数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="378"/>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="395"/>
        <source>Due this week</source>
        <translation>本周应走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="396"/>
        <source>Open requests</source>
        <translation>在办诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="397"/>
        <source>Overdue requests</source>
        <translation>逾期诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="422"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="433"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="423"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="425"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="428"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="436"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="443"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="429"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="430"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="432"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="437"/>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="438"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="439"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="440"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="444"/>
        <source>Wish</source>
        <translation>心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="445"/>
        <source>Beneficiary</source>
        <translation>心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="446"/>
        <source>Claimed by</source>
        <translation>认领人/单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="447"/>
        <source>Contact by</source>
        <translation>对接截止</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="486"/>
        <source>Show for</source>
        <translation>查看范围</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="495"/>
        <source>Red fund</source>
        <translation>红色基金</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="499"/>
        <source>Per grid</source>
        <translation>各网格情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="505"/>
        <source>Visits per month</source>
        <translation>每月走访户次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="506"/>
        <source>Requests by category (12 months)</source>
        <translation>诉求类别（近12个月）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="507"/>
        <source>Requests by state</source>
        <translation>诉求状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="525"/>
        <source>Mine: %1</source>
        <translation>我的：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="559"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="594"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="392"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="424"/>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="431"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="379"/>
        <source>Waiting on me</source>
        <translation>待我办理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="380"/>
        <source>Notices end this week</source>
        <translation>本周公示期满</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="381"/>
        <source>To be paid</source>
        <translation>待发放</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/workbench/dashboard.py" line="508"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../redoffice/ui/kit/date_fields.py" line="148"/>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/date_fields.py" line="153"/>
        <source>Calendar (Alt+Down)</source>
        <translation>日历（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>EnrolImportDialog</name>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="135"/>
        <source>Enrol a partner</source>
        <translation>登记对方单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="137"/>
        <source>%1 (%2), %3 — file %4</source>
        <translation>%1（%2），%3 —— 文件 %4</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="156"/>
        <source>Enrol</source>
        <translation>核对无误，登记</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="163"/>
        <source>Fingerprint in this file:</source>
        <translation>登记文件中的指纹：</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="167"/>
        <source>Ask the partner to read its fingerprint over the phone, or take it from the enrolment sheet it printed, and type the 40 digits below (spaces do not matter). Enrol only when every group is the same: a different fingerprint means the file is not from this partner.</source>
        <translation>请对方在电话中逐组读出指纹，或对照对方打印的登记表，把 40 位数字输入下方（空格不影响）。每一组都相同才能登记；指纹不同说明文件不是对方的。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="175"/>
        <source>Fingerprint read out by the partner:</source>
        <translation>对方读出（或登记表上）的指纹：</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="184"/>
        <source>Type the fingerprint the partner read out.</source>
        <translation>请输入对方读出的指纹。</translation>
    </message>
</context>
<context>
    <name>EnrolTab</name>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="61"/>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="170"/>
        <source>Make the sync keys</source>
        <translation>生成同步密钥</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="63"/>
        <source>1. This computer&apos;s key</source>
        <translation>一、本机密钥</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="77"/>
        <source>Export enrolment file and sheet…</source>
        <translation>导出登记文件和登记表…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="79"/>
        <source>Import the partner&apos;s enrolment file…</source>
        <translation>导入对方的登记文件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="83"/>
        <source>2. Exchange enrolment files</source>
        <translation>二、交换登记文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="102"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="103"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="104"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="105"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="106"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="111"/>
        <source>Revoke enrolment…</source>
        <translation>撤销登记…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="136"/>
        <source>%1 %2 (%3) · node %4</source>
        <translation>%1 %2（%3）· 节点 %4</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="143"/>
        <source>No keys yet</source>
        <translation>尚未生成密钥</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="146"/>
        <source>The keys are made at the first sync step (exporting the enrolment file) or with the button below.</source>
        <translation>密钥在第一次同步操作（导出登记文件）时生成，也可以点下面的按钮生成。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="154"/>
        <source>Key %1 · private key kept in: %2</source>
        <translation>密钥编号 %1 · 私钥保存在：%2</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="162"/>
        <source>This computer has no system keyring to keep the private keys safely. You may keep them in a file protected by a passphrase instead.</source>
        <translation>这台电脑没有可用的系统密钥库，无法安全保存私钥。可以改用口令保护的密钥文件。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="168"/>
        <source>Use a passphrase-protected key file…</source>
        <translation>改用口令保护的密钥文件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="172"/>
        <source>the street office</source>
        <translation>街道办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="172"/>
        <source>a community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="175"/>
        <source>Give the enrolment file to %1 (USB stick, WeChat, e-mail) and print the sheet: they compare its fingerprint before enrolling this office.</source>
        <translation>把登记文件交给%1（U盘、微信或电子邮件），并打印登记表：对方核对指纹后才会登记本单位。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="181"/>
        <source>Import the enrolment file of %1 and compare its fingerprint with the one read out over the phone or printed on its sheet.</source>
        <translation>导入%1的登记文件，并与对方电话读出或登记表上印的指纹逐组核对。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="186"/>
        <source>Communities enrolled</source>
        <translation>已登记的社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="186"/>
        <source>Street office enrolled</source>
        <translation>已登记的街道办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="251"/>
        <source>Export enrolment file</source>
        <translation>导出登记文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="265"/>
        <source>Saved %1. Fingerprint: %2</source>
        <translation>已保存 %1。指纹：%2</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="270"/>
        <source>Enrolment sheet</source>
        <translation>数据同步登记表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="276"/>
        <source>Import enrolment file</source>
        <translation>导入登记文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="299"/>
        <source>Enrolled %1 (%2).</source>
        <translation>已登记 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="318"/>
        <source>Revoke enrolment</source>
        <translation>撤销登记</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/enrol_tab.py" line="320"/>
        <source>Revoke the enrolment of %1 (%2)? Its packages will be refused from now on; it has to be enrolled again with a new key to send any.</source>
        <translation>撤销 %1（%2）的登记？此后它的数据包都将被拒收；要再交换数据，须用新密钥重新登记。</translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="119"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="120"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="151"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="159"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="273"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="280"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="281"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="282"/>
        <source>Feedback</source>
        <translation>心愿人反馈</translation>
    </message>
</context>
<context>
    <name>FulfilDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="249"/>
        <source>Fulfilled</source>
        <translation>兑现</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="252"/>
        <source>The beneficiary signed the receipt</source>
        <translation>心愿人已在签收单上签字</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="255"/>
        <source>Fulfilled on</source>
        <translation>兑现日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="256"/>
        <source>Actual value (yuan)</source>
        <translation>实际价值（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="257"/>
        <source>Receipt</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="258"/>
        <source>Photos</source>
        <translation>兑现照片</translation>
    </message>
</context>
<context>
    <name>FundPage</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_page.py" line="45"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_page.py" line="46"/>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_page.py" line="47"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_page.py" line="48"/>
        <source>Public notices</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_page.py" line="49"/>
        <source>Income and spending</source>
        <translation>收支报告</translation>
    </message>
</context>
<context>
    <name>FundPeriodPicker</name>
    <message>
        <location filename="../../redoffice/ui/fund/period_picker.py" line="35"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/period_picker.py" line="39"/>
        <source>Year %1</source>
        <translation>%1 年度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/period_picker.py" line="39"/>
        <source>Quarter %1</source>
        <translation>%1 季度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/period_picker.py" line="41"/>
        <source>Dates beside</source>
        <translation>按右侧日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/period_picker.py" line="47"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/period_picker.py" line="49"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../redoffice/ui/kit/help_window.py" line="24"/>
        <source>RedOffice help</source>
        <translation>RedOffice 使用说明</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="32"/>
        <source>Change history</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="34"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="34"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="34"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="34"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="49"/>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="50"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="51"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/history_dialog.py" line="52"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="21"/>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="42"/>
        <source>Partner</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="22"/>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="44"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="23"/>
        <source>Sent up to</source>
        <translation>已发出至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="24"/>
        <source>Acknowledged up to</source>
        <translation>已确认至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="25"/>
        <source>Imported up to</source>
        <translation>已导入至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="26"/>
        <source>Held</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="27"/>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="28"/>
        <source>Conflicts to review</source>
        <translation>待核对冲突</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="36"/>
        <source>Only held and refused</source>
        <translation>只看暂存和拒收的</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="40"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="41"/>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="43"/>
        <source>Numbers</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="45"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="46"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="47"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="55"/>
        <source>Partners</source>
        <translation>各单位同步情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="59"/>
        <source>Packages and acknowledgements</source>
        <translation>数据包和回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="87"/>
        <source>Held: %1 package(s). Latest from %2: %3</source>
        <translation>暂存的数据包：%1 个。最近一个来自 %2：%3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="94"/>
        <source>No package is held.</source>
        <translation>没有暂存的数据包。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="101"/>
        <source>Acknowledgement in</source>
        <translation>收到回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="103"/>
        <source>Acknowledgement out</source>
        <translation>发出回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="105"/>
        <source>Package in</source>
        <translation>收到数据包</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/history_tab.py" line="105"/>
        <source>Package out</source>
        <translation>发出数据包</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>全部单位</translation>
    </message>
</context>
<context>
    <name>HolidayPasteDialog</name>
    <message>
        <location filename="../../redoffice/ui/settings/holiday_paste.py" line="28"/>
        <source>Paste the holiday notice</source>
        <translation>粘贴节假日安排通知</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/holiday_paste.py" line="32"/>
        <source>Paste the State Council&apos;s notice (国务院办公厅关于……年部分节假日安排的通知) as it is published, or one day or range a line: 2027-01-01,元旦,休</source>
        <translation>把国务院办公厅关于……年部分节假日安排的通知原样粘贴到这里；也可以每行写一天或一段日期，如：2027-01-01,元旦,休</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/holiday_paste.py" line="44"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="25"/>
        <source>Edit household</source>
        <translation>编辑户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="25"/>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="32"/>
        <source>Only for scattered buildings without an estate</source>
        <translation>仅用于不属于小区的散居楼院</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="39"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="40"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="41"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="42"/>
        <source>Room</source>
        <translation>室</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="43"/>
        <source>Address (no estate)</source>
        <translation>地址（无小区）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="44"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="45"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="46"/>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="47"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="56"/>
        <source>(no estate)</source>
        <translation>（无小区）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/household_dialog.py" line="57"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>HouseholdField</name>
    <message>
        <location filename="../../redoffice/ui/kit/household_picker.py" line="103"/>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/household_picker.py" line="104"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../redoffice/ui/kit/household_picker.py" line="45"/>
        <source>Search address, head of household, pinyin initials, phone tail</source>
        <translation>搜索地址、户主姓名、拼音首字母、电话尾号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/household_picker.py" line="59"/>
        <source>Choose a household</source>
        <translation>选择户</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="43"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="57"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="58"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="59"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="60"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="61"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="66"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="80"/>
        <source>New household</source>
        <translation>新增户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="81"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="82"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="83"/>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="84"/>
        <source>Blank visit form</source>
        <translation>空白走访表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="85"/>
        <source>New request</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="86"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="87"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="88"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="89"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="90"/>
        <source>Print list</source>
        <translation>打印列表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/households_page.py" line="90"/>
        <source>Households list</source>
        <translation>住户名单</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="51"/>
        <source>e.g. 幸福社区</source>
        <translation>例如：幸福社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="52"/>
        <source>e.g. 420106001001</source>
        <translation>例如：420106001001</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="53"/>
        <source>e.g. 420106001</source>
        <translation>例如：420106001</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="57"/>
        <source>12-digit statistical area code of the community (居委会), as published by the National Bureau of Statistics; ask the street office if unsure</source>
        <translation>12位统计用区划代码（国家统计局公布的居委会代码），不清楚可向街道询问</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="60"/>
        <source>9 digits: the first nine of the community code</source>
        <translation>9位：即社区代码的前9位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="62"/>
        <source>Community name</source>
        <translation>社区名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="65"/>
        <source>Community code</source>
        <translation>社区代码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="68"/>
        <source>Street office</source>
        <translation>所属街道名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="69"/>
        <source>Street code</source>
        <translation>街道代码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/identity_form.py" line="70"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="67"/>
        <source>Import residents from Excel</source>
        <translation>从 Excel 导入居民台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="85"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="92"/>
        <source>Workbook (.xlsx, .xls from WPS or Excel 2003, .csv)</source>
        <translation>工作簿（.xlsx，WPS 或 Excel 2003 的 .xls，.csv）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="94"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="97"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="110"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="112"/>
        <source>Sheet: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="122"/>
        <source>Choose a workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="151"/>
        <source>Import only if every row is good</source>
        <translation>全部行都合格才导入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="152"/>
        <source>Remember this mapping for workbooks like this</source>
        <translation>记住此列对应，下次同样表头自动使用</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="167"/>
        <source>Check which field each column fills (first rows shown below).</source>
        <translation>请核对每一列对应的字段（下方显示前几行数据）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="173"/>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="241"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="174"/>
        <source>Check (dry run)</source>
        <translation>检查（预检，不写入）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="234"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="234"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="234"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="245"/>
        <source>Save failed rows…</source>
        <translation>保存不能导入的行…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="242"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="326"/>
        <source>Create places</source>
        <translation>新建网格、小区和楼栋</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="327"/>
        <source>The import will also create: %1. Continue?</source>
        <translation>导入时将同时新建：%1。这些网格、小区和楼栋尚未登记，是否继续？</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="271"/>
        <source>Save failed rows</source>
        <translation>保存不能导入的行</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="119"/>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="280"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="260"/>
        <source>Note: </source>
        <translation>提示：</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="282"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/import_wizard.py" line="305"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
</context>
<context>
    <name>IncomeDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="162"/>
        <source>Record income</source>
        <translation>登记收入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="166"/>
        <source>Yuan, e.g. 10000.00</source>
        <translation>元，如 10000.00</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="168"/>
        <source>(not a donation)</source>
        <translation>（非捐赠）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="170"/>
        <source>Person or unit, as printed on the receipt</source>
        <translation>个人或单位，按收据上的写法</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="171"/>
        <source>The charity it came through, if any</source>
        <translation>经由的慈善组织（如有）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="173"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="176"/>
        <source>Account</source>
        <translation>基金账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="177"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="178"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="179"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="180"/>
        <source>Donor</source>
        <translation>捐赠方类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="181"/>
        <source>Donor name</source>
        <translation>捐赠方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="182"/>
        <source>Channel</source>
        <translation>募集渠道</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="183"/>
        <source>Voucher number</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="184"/>
        <source>Checked by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="185"/>
        <source>Note</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="186"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>IssueTable</name>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="58"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="59"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="60"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="61"/>
        <source>Raised by</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="62"/>
        <source>Handled by (staff)</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="63"/>
        <source>Handled by (organization)</source>
        <translation>承办单位</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="48"/>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="144"/>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="55"/>
        <source>Voucher, counterparty, receipt or note</source>
        <translation>凭证号、对方、收据号或摘要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="71"/>
        <source>Record income…</source>
        <translation>登记收入…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="72"/>
        <source>Reverse…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="73"/>
        <source>Close a period…</source>
        <translation>结账…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="74"/>
        <source>Verify ledger</source>
        <translation>校验台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="77"/>
        <source>Ledger PDF</source>
        <translation>打印台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="78"/>
        <source>Ledger to Excel…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="79"/>
        <source>Donation receipt</source>
        <translation>捐赠收据</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="80"/>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="95"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="96"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="97"/>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="98"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="99"/>
        <source>Source or use</source>
        <translation>来源/用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="100"/>
        <source>Counterparty</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="101"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="102"/>
        <source>Payment</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="103"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="105"/>
        <source>Account</source>
        <translation>基金账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="106"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="107"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="108"/>
        <source>Checked by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="104"/>
        <source>Note</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="114"/>
        <source>reverses No. %1</source>
        <translation>冲正第 %1 笔</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="116"/>
        <source>reversed by No. %1</source>
        <translation>已由第 %1 笔冲正</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="118"/>
        <source>receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="120"/>
        <source>via %1</source>
        <translation>经 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="158"/>
        <source>Closed: %1</source>
        <translation>已结账：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="160"/>
        <source>Closed: no period yet</source>
        <translation>已结账：尚无</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="189"/>
        <source>No. %1</source>
        <translation>第 %1 笔</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="192"/>
        <source>No. %1 of %2, %3 %4, %5 (%6)</source>
        <translation>第 %1 笔，%2，%3 %4，%5（%6）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="211"/>
        <source>Close a period</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="212"/>
        <source>Period %1 is closed: nothing can be dated inside it any more.</source>
        <translation>期间 %1 已结账：此后不能再记入日期在该期间内的账目。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="218"/>
        <source>Checking the ledger…</source>
        <translation>正在校验台账…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="226"/>
        <source>Ledger intact: %1 entries checked, every hash and balance matches.</source>
        <translation>台账完整：共校验 %1 笔，校验值和余额全部相符。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/ledger_tab.py" line="231"/>
        <source>Ledger NOT intact (%1 entries checked): %2</source>
        <translation>台账不完整（已校验 %1 笔）：%2</translation>
    </message>
</context>
<context>
    <name>LongWork</name>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="161"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Create the administrator's account</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>This database has no accounts yet: anyone who opens it can do everything. Create the administrator's account now? Others' accounts are then added in Settings → Accounts, and everyone logs in at start.</source>
        <translation>这个数据库还没有任何账号：谁打开都能办理一切。现在创建管理员账号吗？之后在“设置 → 账号”里为其他人添加账号，每个人启动时登录。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <location filename="../../redoffice/ui/accounts/role_gate.py" line="1"/>
        <source>Only %1 may do this</source>
        <translation>只有%1可以办理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/role_gate.py" line="1"/>
        <source>Read only: only %1 may change this</source>
        <translation>只读：只有%1可以修改</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Reset password of the chosen account</source>
        <translation>重设所选账号的密码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Staff member</source>
        <translation>对应工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Account added.</source>
        <translation>已添加账号。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Choose an account in the list first.</source>
        <translation>请先在列表中选择一个账号。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/accounts_tab.py" line="1"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../redoffice/ui/accounts/role_dialog.py" line="1"/>
        <source>Change account %1</source>
        <translation>修改账号 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/role_dialog.py" line="1"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/role_dialog.py" line="1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/role_dialog.py" line="1"/>
        <source>Staff member</source>
        <translation>对应工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/role_dialog.py" line="1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/role_dialog.py" line="1"/>
        <source>The new role applies from the account&apos;s next login.</source>
        <translation>新的角色从该账号下次登录（或切换用户）起生效。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/accounts/login_dialog.py" line="1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="84"/>
        <source>RedOffice Community Workbench</source>
        <translation>社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="116"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="117"/>
        <source>Visits</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="118"/>
        <source>Requests</source>
        <translation>民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="121"/>
        <source>Joint meetings</source>
        <translation>三方联席会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="124"/>
        <source>Micro-wishes</source>
        <translation>微心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="125"/>
        <source>Red fund</source>
        <translation>红色基金</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="126"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="129"/>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="134"/>
        <source>Grids &amp; units</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="137"/>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="138"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="167"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="168"/>
        <source>&amp;Back up to…</source>
        <translation>备份到(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="170"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="1"/>
        <source>&amp;Encrypt this database…</source>
        <translation>加密此数据库(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="174"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="257"/>
        <source>Log out / &amp;switch user…</source>
        <translation>退出登录/切换用户(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="179"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="180"/>
        <source>&amp;Help contents</source>
        <translation>使用说明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="183"/>
        <source>&amp;About RedOffice</source>
        <translation>关于社区红色工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="271"/>
        <source>%1 · %2 · operator: %3</source>
        <translation>%1 · %2 · 经办人：%3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/main_window.py" line="282"/>
        <source>About RedOffice</source>
        <translation>关于社区红色工作台</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>RedOffice Street Office</source>
        <translation>社区红色工作台 · 街道办</translation>
    </message>
    <message>
        <source>Street office</source>
        <translation>街道办</translation>
    </message>
    <message>
        <source>Street notices</source>
        <translation>街道通知</translation>
    </message>
    <message>
        <source>Decisions &amp; notices</source>
        <translation>审批与通知</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="31"/>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="39"/>
        <source>Community Party committee</source>
        <translation>社区党委</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="46"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="47"/>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="48"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="49"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="50"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="51"/>
        <source>Convened by</source>
        <translation>召集人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="52"/>
        <source>Chaired by</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="53"/>
        <source>Minutes by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="54"/>
        <source>Notice given on</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="55"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meeting_dialog.py" line="56"/>
        <source>Requests for the agenda</source>
        <translation>列入议题的民情诉求</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="92"/>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="93"/>
        <source>Follow-up</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="135"/>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="270"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="136"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="137"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="138"/>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="139"/>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="286"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="140"/>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="196"/>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="141"/>
        <source>Open resolutions</source>
        <translation>未完成议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="142"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="119"/>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="109"/>
        <source>Number, title, type or place</source>
        <translation>编号、标题、类型或地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="120"/>
        <source>Minutes…</source>
        <translation>会议纪要…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="121"/>
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="122"/>
        <source>Cancel meeting…</source>
        <translation>取消会议…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="123"/>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="196"/>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="124"/>
        <source>Print minutes</source>
        <translation>打印会议纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="125"/>
        <source>Scanned minutes</source>
        <translation>纪要扫描件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="212"/>
        <source>Number, resolution, responsible or meeting</source>
        <translation>编号、议定事项、责任方或会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="249"/>
        <source>All parties</source>
        <translation>全部责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="252"/>
        <source>Open only</source>
        <translation>只看未完成</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="254"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="272"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="277"/>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="279"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="281"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="220"/>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="283"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="285"/>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="351"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="220"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="220"/>
        <source>Done by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="220"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="257"/>
        <source>Deadline up to</source>
        <translation>时限截至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="228"/>
        <source>Progress…</source>
        <translation>进展…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="229"/>
        <source>Completed…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="230"/>
        <source>Cancel…</source>
        <translation>取消事项…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="231"/>
        <source>Print follow-up sheet</source>
        <translation>打印督办表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="232"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="294"/>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="268"/>
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="368"/>
        <source>Requests closed: %1</source>
        <translation>已办结民情诉求：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="370"/>
        <source>No open request is linked to it</source>
        <translation>没有关联的待办结民情诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="377"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="377"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="384"/>
        <source>Follow-up sheet</source>
        <translation>议定事项督办表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/meetings_page.py" line="389"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="307"/>
        <source>Register a party member</source>
        <translation>登记双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="307"/>
        <source>Party member</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="313"/>
        <source>(no unit)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="317"/>
        <source>Still reports to this community</source>
        <translation>仍在本社区报到</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="320"/>
        <source>Resident (if living here)</source>
        <translation>本社区居民（如是）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="321"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="322"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="323"/>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="324"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="325"/>
        <source>Party organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="326"/>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="327"/>
        <source>Service commitments</source>
        <translation>服务承诺</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="42"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="43"/>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="44"/>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="54"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="45"/>
        <source>Party organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="46"/>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="47"/>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="54"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="48"/>
        <source>Hours this year</source>
        <translation>本年服务时长</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="54"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="54"/>
        <source>Members</source>
        <translation>报到党员数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="61"/>
        <source>Register a member…</source>
        <translation>登记党员…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="62"/>
        <source>Add a service…</source>
        <translation>添加服务记录…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="63"/>
        <source>Print service record</source>
        <translation>打印服务记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="84"/>
        <source>Service record from</source>
        <translation>服务记录：从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="86"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="120"/>
        <source>All partner units</source>
        <translation>全部共建单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/members_tab.py" line="156"/>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="186"/>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="410"/>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="193"/>
        <source>Minutes typed earlier were not saved. Restore them?</source>
        <translation>发现上次录入但未保存的会议纪要，是否恢复？</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="194"/>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="217"/>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="218"/>
        <source>Agenda and resolutions</source>
        <translation>议题与议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="219"/>
        <source>Next meeting</source>
        <translation>下次会议安排</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="222"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="223"/>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="397"/>
        <source>Finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="224"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="237"/>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="238"/>
        <source>From the registry…</source>
        <translation>从名单选择…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="239"/>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="250"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="250"/>
        <source>New item</source>
        <translation>新增议题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="256"/>
        <source>Item</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="257"/>
        <source>Discussion</source>
        <translation>讨论情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="258"/>
        <source>Resolutions</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="264"/>
        <source>Add resolution</source>
        <translation>添加议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="265"/>
        <source>Remove resolution</source>
        <translation>删除议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="290"/>
        <source>[earlier] </source>
        <translation>【上次】</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="290"/>
        <source>[request] </source>
        <translation>【诉求】</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="293"/>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="351"/>
        <source>Invite</source>
        <translation>邀请参会</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="351"/>
        <source>Attendee</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="365"/>
        <source>Draft autosaved.</source>
        <translation>草稿已自动保存。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="371"/>
        <source>Revise finalized minutes</source>
        <translation>修订已定稿的纪要</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="371"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="378"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="396"/>
        <source>After finalizing, every change needs a reason. Finalize now?</source>
        <translation>定稿后每次修改都要填写修订原因。现在定稿吗？</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="409"/>
        <source>The minutes have unsaved changes. Save them?</source>
        <translation>会议纪要有未保存的修改，是否保存？</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="435"/>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="445"/>
        <source>%1年红色基金救助对象公示</source>
        <translation>%1年红色基金救助对象公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="451"/>
        <source>as in the settings</source>
        <translation>按设置</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="454"/>
        <source>Supervision phone (the setting when empty)</source>
        <translation>监督电话（不填则用设置中的）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="457"/>
        <source>Only for a notice posted on paper before today and entered late</source>
        <translation>仅当纸质公示在今天之前已张贴、现在补录时填写</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="460"/>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="461"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="462"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="463"/>
        <source>Notice from</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="464"/>
        <source>Working days</source>
        <translation>公示工作日</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="465"/>
        <source>Supervision phone</source>
        <translation>监督电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="466"/>
        <source>Why entered late</source>
        <translation>补录原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="467"/>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>NoticesTab</name>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="53"/>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="69"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="54"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="57"/>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="73"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="55"/>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="47"/>
        <source>All notices</source>
        <translation>全部公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="48"/>
        <source>Ending this week</source>
        <translation>本周公示期满</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="56"/>
        <source>Ends on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="58"/>
        <source>Count</source>
        <translation>申请数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="59"/>
        <source>Open objections</source>
        <translation>未处理异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="60"/>
        <source>Supervision phone</source>
        <translation>监督电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="70"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="71"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="72"/>
        <source>Approved</source>
        <translation>批准金额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="74"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="75"/>
        <source>Not resolved</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="81"/>
        <source>Print notice (A4)</source>
        <translation>打印公示（A4）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="82"/>
        <source>Print notice (A3)</source>
        <translation>打印公示（A3）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="127"/>
        <source>Running</source>
        <translation>公示中</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="129"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="130"/>
        <source>Not yet begun</source>
        <translation>未开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="150"/>
        <source>%n notice(s)</source>
        <translation>
            <numerusform>%n 条公示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/notices_tab.py" line="170"/>
        <source>Basis: %1&#x3000;Issued by: %2</source>
        <translation>依据：%1&#x3000;发布单位：%2</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="503"/>
        <source>Record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="509"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="510"/>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="511"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="512"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
</context>
<context>
    <name>OperatorLabel</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="91"/>
        <source>%1 (the current operator), as %2</source>
        <translation>%1（当前操作员），以%2身份</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="93"/>
        <source>%1 (the current operator)</source>
        <translation>%1（当前操作员）</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="50"/>
        <source>Account</source>
        <translation>基金账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="51"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="52"/>
        <source>Held by</source>
        <translation>托管/开户单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="53"/>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="54"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="55"/>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="56"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="61"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="61"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="62"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="62"/>
        <source>Spending</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="64"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="64"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="64"/>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="64"/>
        <source>Open objections</source>
        <translation>未处理异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="70"/>
        <source>New account…</source>
        <translation>新增账户…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="71"/>
        <source>Edit account…</source>
        <translation>编辑账户…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="85"/>
        <source>Notices running</source>
        <translation>正在公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="91"/>
        <source>Accounts</source>
        <translation>基金账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="95"/>
        <source>Double-click an account to see its entries in the ledger.</source>
        <translation>双击账户可在台账中查看其各笔收支。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="117"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="117"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="130"/>
        <source>Balance %1</source>
        <translation>余额合计 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="135"/>
        <source>%1: income by source, spending by use</source>
        <translation>%1 年：收入按来源、支出按用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/overview_tab.py" line="137"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="51"/>
        <source>Protect the sync keys with a passphrase</source>
        <translation>用口令保护同步密钥</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="53"/>
        <source>Passphrase of the key file</source>
        <translation>密钥文件口令</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="67"/>
        <source>This computer has no system keyring. The sync keys will be kept in a file protected by this passphrase (at least 8 characters). Remember it: without it no package can be made or opened, and new keys would have to be enrolled again.</source>
        <translation>这台电脑没有系统密钥库，同步密钥将保存在用此口令保护的文件中（口令至少 8 位）。请牢记口令：忘记后无法导出或导入数据包，只能生成新密钥并重新登记。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="72"/>
        <source>The sync keys are kept in a file protected by a passphrase.</source>
        <translation>同步密钥保存在口令保护的文件中，请输入口令。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="76"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="78"/>
        <source>Passphrase again</source>
        <translation>再输一遍</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="96"/>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>口令至少要 8 位。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="98"/>
        <source>The two passphrases differ. Type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/dialogs.py" line="100"/>
        <source>Type the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="580"/>
        <source>Pay out</source>
        <translation>发放</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="584"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="585"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="592"/>
        <source>(choose the accountant)</source>
        <translation>（请选择会计）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="596"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="597"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="598"/>
        <source>Method</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="599"/>
        <source>Where</source>
        <translation>发放地点</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="600"/>
        <source>Accountant (checks)</source>
        <translation>会计（复核）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="601"/>
        <source>Voucher number</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="602"/>
        <source>Cashier (pays)</source>
        <translation>出纳（发放）</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="93"/>
        <source>Ledger period</source>
        <translation>台账期间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="99"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="100"/>
        <source>To</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="55"/>
        <source>Dates below</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="60"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="62"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/figures.py" line="64"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PlaceFilters</name>
    <message>
        <location filename="../../redoffice/ui/kit/place_filters.py" line="35"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/place_filters.py" line="36"/>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message numerus="yes">
        <location filename="../../redoffice/ui/kit/preview.py" line="82"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="91"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="92"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="93"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="94"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="122"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>ReceiveTab</name>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="274"/>
        <source>Import packages…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="280"/>
        <source>…or drop package files (.rosync) from a USB stick onto this page.</source>
        <translation>……也可以把U盘上的数据包（.rosync）直接拖到本页。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="285"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="286"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="287"/>
        <source>Reason</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="288"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="289"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="290"/>
        <source>Acknowledgement</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="304"/>
        <source>Each package is checked before anything is applied: who sent it, its signature, every file in it, the order of its numbers. A package that fails is refused or held with the reason, and nothing of it is applied. The acknowledgement for the community is written next to the package.</source>
        <translation>每个数据包先逐项校验再导入：发送单位、签名、包内每个文件、序号是否连续。校验不通过的数据包被拒收或暂存并说明原因，其中的数据一条也不导入。给社区的回执写在数据包所在的文件夹。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="313"/>
        <source>Imported in this session</source>
        <translation>本次导入结果</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="321"/>
        <source>Import packages</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="355"/>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>正在导入 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="389"/>
        <source>Nos. %1–%2 applied.</source>
        <translation>已导入第 %1–%2 号。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="394"/>
        <source>Already imported: nothing changed, acknowledgement written again.</source>
        <translation>已导入过，未作更改，已重新出具回执。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="399"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="399"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="114"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="155"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="156"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="157"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="158"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="212"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="213"/>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="214"/>
        <source>Organizations</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="215"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="294"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="225"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="300"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="310"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="228"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="233"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="297"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="307"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="230"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="235"/>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="229"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="234"/>
        <source>Grid name</source>
        <translation>网格名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="236"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="265"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="286"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="313"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="244"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="247"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="253"/>
        <source>Estate name</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="248"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="254"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="249"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="257"/>
        <source>Property company</source>
        <translation>物业服务企业</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="250"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="262"/>
        <source>Owners&apos; committee</source>
        <translation>业主委员会</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="273"/>
        <source>Organization</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="276"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="282"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="277"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="283"/>
        <source>Organization name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="278"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="284"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="279"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="285"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="299"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="309"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="298"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="308"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="302"/>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="311"/>
        <source>Fund roles</source>
        <translation>基金角色</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/reference_page.py" line="312"/>
        <source>As a resident</source>
        <translation>本人居民记录</translation>
    </message>
</context>
<context>
    <name>ReportProgress</name>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="158"/>
        <source>Preparing “%1”…</source>
        <translation>正在生成《%1》…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/preview.py" line="159"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="57"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="57"/>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="63"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="58"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="58"/>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="64"/>
        <source>Spending</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="61"/>
        <source>Account</source>
        <translation>基金账户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="62"/>
        <source>Opening</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="65"/>
        <source>Closing</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="77"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="80"/>
        <source>Preview the report</source>
        <translation>预览报告</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="81"/>
        <source>Print or save…</source>
        <translation>打印或保存…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="83"/>
        <source>Press “Preview the report” to see it here.</source>
        <translation>按“预览报告”在此查看报告。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="98"/>
        <source>The report lists income by source and spending by use with a chart, for the half-yearly public notice of the fund&apos;s income and spending.</source>
        <translation>报告按来源列出收入、按用途列出支出并附图表，可用于每半年一次的基金收支公示。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="124"/>
        <source>Opening %1 + income %2 − spending %3 = closing %4</source>
        <translation>期初 %1 + 收入 %2 − 支出 %3 = 期末 %4</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/report_tab.py" line="130"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ResidentChooser</name>
    <message>
        <location filename="../../redoffice/ui/kit/resident_chooser.py" line="31"/>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="65"/>
        <source>Name, ID or phone tail</source>
        <translation>姓名、身份证或电话尾号</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="87"/>
        <source>Edit resident</source>
        <translation>编辑居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="87"/>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="123"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="124"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="125"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="126"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="127"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="128"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="129"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="130"/>
        <source>Party organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="131"/>
        <source>Joined the Party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="132"/>
        <source>Place of household registration</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="133"/>
        <source>Current address</source>
        <translation>现住址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="134"/>
        <source>Residence type</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="135"/>
        <source>Household</source>
        <translation>所属户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="136"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="137"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="138"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="149"/>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="182"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="150"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="164"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="165"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="41"/>
        <source>Search name, pinyin (wxm), last digits of ID or phone, address</source>
        <translation>搜索姓名、拼音（如 wxm）、身份证或电话尾号、地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="57"/>
        <source>All groups</source>
        <translation>全部人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="60"/>
        <source>Registered</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="61"/>
        <source>Moved out / deceased</source>
        <translation>已迁出/已去世</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="62"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="65"/>
        <source>Party members only</source>
        <translation>只看党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="66"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="78"/>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="79"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="80"/>
        <source>Move to household…</source>
        <translation>迁至其他户…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="81"/>
        <source>Moved out / deceased…</source>
        <translation>迁出/去世…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="82"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="83"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="84"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="85"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="86"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="87"/>
        <source>Print list</source>
        <translation>打印列表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="98"/>
        <source>Residents list</source>
        <translation>居民名单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="174"/>
        <source>Move to household</source>
        <translation>迁至其他户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/residents_page.py" line="174"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
</context>
<context>
    <name>ResolutionTable</name>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="127"/>
        <source>Resolution</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="128"/>
        <source>Responsible party</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="129"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="130"/>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/meetings/minutes_editor.py" line="131"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="535"/>
        <source>Resolve the objection</source>
        <translation>处理异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="541"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="546"/>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="547"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="548"/>
        <source>Resolution</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="549"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="550"/>
        <source>By</source>
        <translation>办理人</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="221"/>
        <source>Reverse entry %1</source>
        <translation>冲正%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="229"/>
        <source>A reversal cannot be undone: a new entry of the opposite amount is written and both stay in the ledger.</source>
        <translation>冲正不能撤销：将记入一笔金额相反的新账目，两笔都永久保留在台账中。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="235"/>
        <source>Entry</source>
        <translation>账目</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="236"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="237"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="238"/>
        <source>Reversed by</source>
        <translation>冲正人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="246"/>
        <source>Reverse %1? This cannot be undone.</source>
        <translation>确定冲正 %1？冲正后不能撤销。</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <location filename="../../redoffice/ui/kit/save_dialog.py" line="138"/>
        <source>Discard what you have entered in this form?</source>
        <translation>放弃本表中已填写的内容吗？</translation>
    </message>
</context>
<context>
    <name>SearchableList</name>
    <message>
        <location filename="../../redoffice/ui/kit/list_view.py" line="285"/>
        <source>Reading the list…</source>
        <translation>正在读取列表…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/kit/list_view.py" line="238"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/list_view.py" line="298"/>
        <source>search “%1”</source>
        <translation>搜索“%1”</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="74"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="76"/>
        <source>Look for USB sticks</source>
        <translation>查找U盘</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="78"/>
        <source>Export package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="85"/>
        <source>Import acknowledgement…</source>
        <translation>导入回执…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="89"/>
        <source>Package for the street office</source>
        <translation>给街道办的数据包</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="94"/>
        <source>The package holds every record changed since the street office last acknowledged one, signed and encrypted for the street office only. A package lost on the way does no harm: the next one includes it again.</source>
        <translation>数据包包含街道办上次回执以来改动过的全部记录，经本机签名，并加密为只有街道办能打开。某个数据包丢了也不要紧：下一个会把它的内容一并带上。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="101"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="112"/>
        <source>Acknowledgement from the street office</source>
        <translation>街道办的回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="117"/>
        <source>The street office answers each package with an acknowledgement file (.rosack). Importing it tells this office what the street has received, so the next package starts after it.</source>
        <translation>街道办收到数据包后出具回执文件（.rosack）。导入回执后，本社区就知道街道已收到哪些数据，下一个数据包从其后开始。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="142"/>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="146"/>
        <source>USB stick %1 (%2)</source>
        <translation>U盘 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="150"/>
        <source>(choose a folder)</source>
        <translation>（请选择文件夹）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="154"/>
        <source>Save the package to</source>
        <translation>数据包保存到</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="165"/>
        <source>No street office enrolled yet: import its enrolment file on the Enrolment tab first.</source>
        <translation>还没有登记街道办：请先在“登记”页导入街道办的登记文件。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="171"/>
        <source>To %1: sent up to no. %2, acknowledged up to no. %3.</source>
        <translation>发往 %1：已发出至第 %2 号，已确认至第 %3 号。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="196"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="203"/>
        <source>Exported %1 to %2: nos. %3–%4, %5 records, %6 kB.</source>
        <translation>已导出 %1 到 %2：第 %3–%4 号，%5 条记录，%6 KB。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="222"/>
        <source>Import acknowledgement</source>
        <translation>导入回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="242"/>
        <source>%1: the street office has received up to no. %2 (%3).</source>
        <translation>%1：街道办已确认到第 %2 号（%3）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="252"/>
        <source>%1 record(s) were also changed at the street office: this office&apos;s version was kept, the street keeps its own for review.</source>
        <translation>有 %1 条记录街道办也改过：以本社区的为准，街道办保留了它的版本供核对。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/transfer_tab.py" line="270"/>
        <source>%1 decision(s), reply(ies) or notice(s) from the street office received.</source>
        <translation>收到街道办的审批、答复或通知 %1 条。</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="373"/>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="381"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="383"/>
        <source>Request number, e.g. 2026-00042</source>
        <translation>诉求编号，如 2026-00042</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="385"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="386"/>
        <source>Activity</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="387"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="388"/>
        <source>For the wish</source>
        <translation>关联心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="389"/>
        <source>For the request</source>
        <translation>关联诉求</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="42"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="38"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="1"/>
        <source>Data security</source>
        <translation>数据安全</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="36"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="55"/>
        <source>Community and operator</source>
        <translation>社区信息与经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="56"/>
        <source>Daily work</source>
        <translation>日常工作</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="57"/>
        <source>Holidays and 调休</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/settings_page.py" line="115"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="40"/>
        <source>Leave empty to work without logging in</source>
        <translation>留空则不设登录账号，照旧使用经办人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="40"/>
        <source>Administrator&apos;s login name</source>
        <translation>管理员登录名（可选）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="40"/>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 位）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="22"/>
        <source>Welcome to RedOffice</source>
        <translation>欢迎使用社区红色工作台</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="25"/>
        <source>Please enter your community&apos;s identity and your name. The operator is recorded on every change.</source>
        <translation>请填写本社区信息和您的姓名。每一次数据变更都会记录经办人。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="32"/>
        <source>Cancel and quit</source>
        <translation>取消并退出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="33"/>
        <source>RedOffice cannot start without the community&apos;s identity</source>
        <translation>没有社区信息，RedOffice 无法启动</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="43"/>
        <source>RedOffice cannot be used without the community&apos;s identity: cancelling closes the program. Quit now?</source>
        <translation>不填写社区信息就无法使用 RedOffice：取消将关闭程序。现在退出吗？</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/setup_dialog.py" line="46"/>
        <source>Quit RedOffice</source>
        <translation>退出 RedOffice</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="42"/>
        <source>Counted by</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="43"/>
        <source>Collected</source>
        <translation>征集</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="44"/>
        <source>Verified</source>
        <translation>核实</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="45"/>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="46"/>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="47"/>
        <source>Fulfilled</source>
        <translation>兑现</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="48"/>
        <source>Claim rate</source>
        <translation>认领率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="49"/>
        <source>Fulfilment rate</source>
        <translation>兑现率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="61"/>
        <source>Counted by the date of each step: a claim cancelled later does not change the figures of earlier months.</source>
        <translation>按每个环节发生的日期统计：之后取消的认领不会改变以前月份的数字。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="67"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="78"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="80"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/stats_tab.py" line="96"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="232"/>
        <source>Moved out / deceased: %1</source>
        <translation>迁出/去世：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="239"/>
        <source>Where to, or the cause of death</source>
        <translation>迁往何处，或去世原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="240"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="241"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="242"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="378"/>
        <source>Empty: the amount asked, %1</source>
        <translation>不填即按申请金额 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="380"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="382"/>
        <source>Decision of the higher level</source>
        <translation>上级审批意见</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="384"/>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="386"/>
        <source>%1, asked %2</source>
        <translation>%1，申请 %2</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="389"/>
        <source>%1, asked %2, approved by the community %3</source>
        <translation>%1，申请 %2，社区审核批准 %3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="395"/>
        <source>Empty: as the community approved, %1</source>
        <translation>不填：按社区批准金额 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="398"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="399"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="401"/>
        <source>Amount approved (yuan)</source>
        <translation>批准金额（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="404"/>
        <source>Amount the higher level approved (yuan)</source>
        <translation>上级批准金额（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="407"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/fund_dialogs.py" line="407"/>
        <source>By</source>
        <translation>办理人</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="59"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="85"/>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="88"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="89"/>
        <source>Enrolment</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="91"/>
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="93"/>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="117"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="138"/>
        <source>%1: a sync package is imported at the street office&apos;s RedOffice.</source>
        <translation>%1：数据包应在街道办的 RedOffice 中导入。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="140"/>
        <source>%1: an acknowledgement is imported at the community&apos;s RedOffice.</source>
        <translation>%1：回执应在社区的 RedOffice 中导入。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/sync_page.py" line="142"/>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <location filename="../../redoffice/ui/kit/list_table.py" line="126"/>
        <source>Default columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="38"/>
        <source>Group</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="38"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="38"/>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="38"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../redoffice/ui/kit/date_fields.py" line="207"/>
        <source>hh:mm</source>
        <translation>时:分</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="197"/>
        <source>Verify</source>
        <translation>核实</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="203"/>
        <source>Verified on</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="204"/>
        <source>Verified by</source>
        <translation>核实人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="205"/>
        <source>How</source>
        <translation>核实方式</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="206"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="124"/>
        <source>Record a visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="135"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="138"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="140"/>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="141"/>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="143"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="145"/>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="146"/>
        <source>Names separated by 、</source>
        <translation>多人用顿号“、”分隔</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="147"/>
        <source>Party members along</source>
        <translation>陪同党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="148"/>
        <source>Volunteers along</source>
        <translation>陪同志愿者</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="156"/>
        <source>Purposes</source>
        <translation>走访目的</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="159"/>
        <source>Health, income, changes in the family…</source>
        <translation>健康、收入、家庭变化等情况…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="161"/>
        <source>Situation</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="164"/>
        <source>Resolved on the spot</source>
        <translation>现场解决问题数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="166"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="168"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="170"/>
        <source>Add issue</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="172"/>
        <source>Issues found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="174"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="182"/>
        <source>No staff yet: add them first in Grids &amp; units → Staff</source>
        <translation>还没有工作人员：请先在 基础数据 → 工作人员 中添加</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="91"/>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="133"/>
        <source>Visit records</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="92"/>
        <source>Visit plan</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="94"/>
        <source>Coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="113"/>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="182"/>
        <source>Search address</source>
        <translation>搜索地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="127"/>
        <source>New visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="128"/>
        <source>Print filled form</source>
        <translation>打印走访记录表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="129"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="130"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="131"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="132"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="133"/>
        <source>Print list</source>
        <translation>打印列表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="197"/>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="198"/>
        <source>Print blank form</source>
        <translation>打印空白走访表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="222"/>
        <source>All workers</source>
        <translation>全部工作人员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="236"/>
        <source>%1 household(s) due within 7 days, %2 of them overdue</source>
        <translation>7 天内应走访 %1 户，其中逾期 %2 户</translation>
    </message>
</context>
<context>
    <name>WishDialog</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="106"/>
        <source>Register a wish</source>
        <translation>登记心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="106"/>
        <source>Correct a wish</source>
        <translation>修改心愿登记</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="117"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="119"/>
        <source>Agrees that the wish is published (signed)</source>
        <translation>本人已签字同意公开心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="121"/>
        <source>Only for a child under 14</source>
        <translation>未满14周岁时填写</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="123"/>
        <source>Beneficiary</source>
        <translation>心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="124"/>
        <source>Wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="125"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="126"/>
        <source>Group</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="127"/>
        <source>Estimated value</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="128"/>
        <source>Collected on</source>
        <translation>征集日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="129"/>
        <source>Collected by</source>
        <translation>征集人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="130"/>
        <source>Consent</source>
        <translation>同意公开</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="131"/>
        <source>Guardian who consented</source>
        <translation>同意的监护人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wish_dialogs.py" line="160"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>WishesPage</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_page.py" line="21"/>
        <source>Wishes</source>
        <translation>心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_page.py" line="22"/>
        <source>Party members</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_page.py" line="23"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
</context>
<context>
    <name>WishesTab</name>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="89"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="96"/>
        <source>Number, name or wish</source>
        <translation>编号、姓名或心愿</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="108"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="108"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="108"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="131"/>
        <source> (contact overdue)</source>
        <translation>（对接逾期）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="131"/>
        <source> (priority)</source>
        <translation>（优先）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="133"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="135"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="140"/>
        <source>Round</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="141"/>
        <source>Beneficiary</source>
        <translation>心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="142"/>
        <source>Group</source>
        <translation>人群类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="143"/>
        <source>Wish</source>
        <translation>心愿内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="144"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="145"/>
        <source>Value</source>
        <translation>估价（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="146"/>
        <source>Claimed by</source>
        <translation>认领人/单位</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="148"/>
        <source>Contact by</source>
        <translation>对接截止</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="160"/>
        <source>Register a wish…</source>
        <translation>登记心愿…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="161"/>
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="162"/>
        <source>Do not publish…</source>
        <translation>不予发布…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="163"/>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="293"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="164"/>
        <source>Publish all verified</source>
        <translation>发布全部待发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="165"/>
        <source>Claim…</source>
        <translation>认领…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="166"/>
        <source>Contacted</source>
        <translation>已对接</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="167"/>
        <source>Cancel claim…</source>
        <translation>取消认领…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="168"/>
        <source>Fulfilled…</source>
        <translation>兑现…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="169"/>
        <source>Follow-up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="170"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="198"/>
        <source>New round…</source>
        <translation>开启新批次…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="199"/>
        <source>Wish wall (A4)</source>
        <translation>心愿墙公示（A4）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="200"/>
        <source>Wish wall (A3)</source>
        <translation>心愿墙公示（A3）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="201"/>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="346"/>
        <source>Claim card</source>
        <translation>认领登记卡</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="202"/>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="346"/>
        <source>Receipt</source>
        <translation>兑现签收单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="203"/>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="352"/>
        <source>Round summary</source>
        <translation>批次汇总</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="214"/>
        <source>All rounds</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="240"/>
        <source>Collected: %1</source>
        <translation>征集：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="241"/>
        <source>Consent: %1</source>
        <translation>同意：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="244"/>
        <source>Verified: %1</source>
        <translation>核实：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="246"/>
        <source>Claimer contact: %1</source>
        <translation>认领人联系方式：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="248"/>
        <source>Feedback: %1</source>
        <translation>心愿人反馈：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="281"/>
        <source>Do not publish</source>
        <translation>不予发布</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="282"/>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="321"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="292"/>
        <source>Publish every verified wish into the current round?</source>
        <translation>把所有待发布的心愿发布到当前批次？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="298"/>
        <source>%n wish(es) published</source>
        <translation>
            <numerusform>%n 个心愿已发布</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="320"/>
        <source>Cancel claim</source>
        <translation>取消认领</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="331"/>
        <source>New round</source>
        <translation>开启新批次</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="331"/>
        <source>Name (e.g. 2027年第一批)</source>
        <translation>批次名称（如 2027年第一批）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/wishes/wishes_tab.py" line="338"/>
        <source>Wish wall</source>
        <translation>心愿墙公示</translation>
    </message>
</context>
<context>
    <name>WorkSettings</name>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="76"/>
        <source>Everyone else</source>
        <translation>其他住户</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="79"/>
        <source>no rule</source>
        <translation>不单独设定</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="80"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="92"/>
        <source>Visit purposes (one per line)</source>
        <translation>走访目的（每行一项）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="93"/>
        <source>Request categories (one per line)</source>
        <translation>诉求类别（每行一项）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="96"/>
        <source>Normal requests: working days</source>
        <translation>一般诉求办理时限（工作日）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="99"/>
        <source>Visit every … days</source>
        <translation>走访频次（天）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="100"/>
        <source>Meeting types (one per line)</source>
        <translation>会议类型（每行一项）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="102"/>
        <source>Largest attachment (MB)</source>
        <translation>单个附件上限（MB）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="103"/>
        <source>Micro-wish value cap (yuan)</source>
        <translation>微心愿估价上限（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="104"/>
        <source>Claimer contacts the beneficiary within (days)</source>
        <translation>认领后须在几天内对接心愿人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="105"/>
        <source>Fund: higher approval above (yuan)</source>
        <translation>基金：超过此金额须上级审批（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="106"/>
        <source>Fund: public notice (working days)</source>
        <translation>基金：公示期（工作日）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="107"/>
        <source>Fund: paid to one person a year at most (yuan)</source>
        <translation>基金：每人每年救助上限（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="108"/>
        <source>Fund: not helped again within (months)</source>
        <translation>基金：不重复救助间隔（月）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="109"/>
        <source>Fund: honour certificate from (yuan)</source>
        <translation>基金：颁发荣誉证书的捐赠额（元）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="113"/>
        <source>Printed on every fund notice</source>
        <translation>印在每张基金公示上</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="116"/>
        <source>Fund: supervision phone</source>
        <translation>基金：监督电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="119"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="159"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../redoffice/ui/kit/help_window.py" line="62"/>
        <source>Automatic backups: %1 (one a day; kept: one of each of the last %2 days, %3 weeks, %4 months)</source>
        <translation>自动备份：%1（每天一份，保留最近 %2 天、%3 周、%4 个月各一份）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/help_window.py" line="66"/>
        <source>Automatic backups: by the database administrator</source>
        <translation>自动备份：由数据库管理员负责</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/help_window.py" line="70"/>
        <source>RedOffice Community Workbench %1</source>
        <translation>RedOffice 社区红色工作台 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/help_window.py" line="72"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/help_window.py" line="74"/>
        <source>Log: %1</source>
        <translation>日志：%1</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="140"/>
        <source>Restore the newest good backup</source>
        <translation>恢复最新的完好备份</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="142"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="22"/>
        <source>RedOffice backups (*.sqlite *.db);;All files (*)</source>
        <translation>RedOffice 备份 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="27"/>
        <source>RedOffice-backup-%1.sqlite</source>
        <translation>RedOffice-备份-%1.sqlite</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="30"/>
        <location filename="../../redoffice/ui/backup_actions.py" line="35"/>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="43"/>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="45"/>
        <source>There are no photos or scans to copy.</source>
        <translation>没有需要复制的照片和扫描件。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="46"/>
        <source>%1 photos and scans copied to %2.</source>
        <translation>照片和扫描件 %1 个已复制到 %2。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="51"/>
        <source>%1 photos or scans are missing on this computer and were not copied.</source>
        <translation>另有照片或扫描件 %1 个在本机已缺失，未能复制。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="62"/>
        <source>Backup file: %1
Office: %2
Saved: %3
Last change in it: %4
Records: %5
Photos and scans: %6 (%7 beside the backup)</source>
        <translation>备份文件：%1
单位：%2
保存时间：%3
其中最后一次修改：%4
记录数：%5
照片和扫描件：%6 个（备份旁 %7 个）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="123"/>
        <source>%1 photos and scans put back.</source>
        <translation>照片和扫描件 %1 个已放回。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="127"/>
        <source>%1 photos or scans of the backup were not found beside it.</source>
        <translation>备份中的照片或扫描件 %1 个在备份旁未找到（或已损坏），未能放回。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="79"/>
        <location filename="../../redoffice/ui/backup_actions.py" line="93"/>
        <location filename="../../redoffice/ui/backup_actions.py" line="113"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="87"/>
        <source>Replace the current data with this backup? The current database is kept in the backup folder first.</source>
        <translation>用这份备份替换当前数据吗？当前数据库会先另存到备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/backup_actions.py" line="119"/>
        <source>Restored. The database as it was before is kept as %1.</source>
        <translation>已恢复。恢复前的数据库已另存为 %1。</translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="65"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="66"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="67"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="68"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="69"/>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="70"/>
        <source>Reporter</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="71"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="72"/>
        <source>Handled by</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="73"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="74"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/cases/cases_page.py" line="75"/>
        <source>Call-back</source>
        <translation>回访结果</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="16"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="18"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="24"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="28"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="29"/>
        <location filename="../../redoffice/ui/kit/columns.py" line="60"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="30"/>
        <location filename="../../redoffice/ui/kit/columns.py" line="57"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="31"/>
        <location filename="../../redoffice/ui/kit/columns.py" line="55"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="33"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="39"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="43"/>
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="45"/>
        <source>Status</source>
        <translation>人员状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="56"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="58"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="59"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/columns.py" line="62"/>
        <source>Residence status</source>
        <translation>人户状态</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../redoffice/ui/kit/errors.py" line="17"/>
        <source>Something went wrong and nothing was saved. Details were written to {0}.</source>
        <translation>操作未能完成，未保存任何更改。详细信息已写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/errors.py" line="38"/>
        <source>RedOffice</source>
        <translation>社区红色工作台</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../redoffice/ui/kit/export.py" line="33"/>
        <location filename="../../redoffice/ui/kit/export.py" line="69"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/export.py" line="40"/>
        <source>Export full ID numbers and phone numbers? Choose No to mask them. A full export is recorded in the audit log.</source>
        <translation>是否导出完整的身份证号和电话号码？选“否”则打码导出。完整导出会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/export.py" line="59"/>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 条到 %2。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/export.py" line="68"/>
        <source>Open the folder?</source>
        <translation>打开所在文件夹？</translation>
    </message>
</context>
<context>
    <name>fund_printing</name>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="47"/>
        <source>Fund ledger</source>
        <translation>基金台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="59"/>
        <source>Ledger to Excel</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="75"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="83"/>
        <source>Donation receipt</source>
        <translation>捐赠收据</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="86"/>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="96"/>
        <source>Application and approval form</source>
        <translation>红色基金申请审批表</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="89"/>
        <source>Payment receipt slip</source>
        <translation>发放签收单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="102"/>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/fund/printing.py" line="113"/>
        <source>Income and spending report</source>
        <translation>收支情况报告</translation>
    </message>
</context>
<context>
    <name>record_actions</name>
    <message>
        <location filename="../../redoffice/ui/kit/record_actions.py" line="20"/>
        <source>Move %1 to the recycle bin? It can be restored later.</source>
        <translation>将“%1”移入回收站？以后可以恢复。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/kit/record_actions.py" line="23"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="1"/>
        <source>Sent by the street, answering no package</source>
        <translation>街道主动发送，不对应数据包</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="56"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="57"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="58"/>
        <source>Held</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="59"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="60"/>
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="61"/>
        <source>Enrolled</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/sync/common.py" line="62"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="43"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="44"/>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="63"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="45"/>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="64"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="46"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="47"/>
        <source>Purposes</source>
        <translation>走访目的</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="48"/>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="49"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="50"/>
        <source>Situation</source>
        <translation>情况记录</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="60"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="62"/>
        <source>Due</source>
        <translation>应走访日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="66"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="72"/>
        <source>Every (days)</source>
        <translation>走访间隔（天）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visits_page.py" line="74"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/visits/visit_dialog.py" line="233"/>
        <source>Household visit form</source>
        <translation>入户走访记录表</translation>
    </message>
</context>
<context>
    <name>CommunitiesPage</name>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <source>Imported up to</source>
        <translation>已导入至序号</translation>
    </message>
    <message>
        <source>Held packages</source>
        <translation>暂存数据包</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>待核对冲突</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Communities of this street office</source>
        <translation>本街道的社区</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>%1 communities; %2 have sent no package yet. Double-click a row for its history.</source>
        <translation>共 %1 个社区，其中 %2 个尚未发送数据包。双击一行查看该社区的同步记录。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 communities; %2 have sent no package yet, %3 none for more than %4 days. Double-click a row for its history.</source>
        <translation>共 %1 个社区：%2 个尚未发送数据包，%3 个超过 %4 天没有新的数据包。双击一行查看该社区的同步记录。</translation>
    </message>
</context>
<context>
    <name>CommunityFilter</name>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>The communities' records are read-only here: they change at the community and arrive with its next package.</source>
        <translation>各社区的记录在此只读：由社区修改，随其下一个数据包更新。</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>各社区统计</translation>
    </message>
    <message>
        <source>Visit coverage (%)</source>
        <translation>走访覆盖率（%）</translation>
    </message>
    <message>
        <source>Requests closed (%)</source>
        <translation>诉求办结率（%）</translation>
    </message>
    <message>
        <source>Wishes fulfilled</source>
        <translation>微心愿兑现数</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已走访户</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>联席会议</translation>
    </message>
    <message>
        <source>Resolutions on time</source>
        <translation>议定事项按时完成率</translation>
    </message>
    <message>
        <source>Wishes collected</source>
        <translation>征集心愿</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>兑现</translation>
    </message>
    <message>
        <source>Claim rate</source>
        <translation>认领率</translation>
    </message>
    <message>
        <source>Party members reporting</source>
        <translation>双报到党员</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Fund income (yuan)</source>
        <translation>基金收入（元）</translation>
    </message>
    <message>
        <source>Fund spending (yuan)</source>
        <translation>基金支出（元）</translation>
    </message>
    <message>
        <source>Cross-community checks</source>
        <translation>跨社区核查</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>Finding</source>
        <translation>核查项</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>%1 finding(s) across communities, each with every side. Nothing is merged: check them with the communities concerned.</source>
        <translation>发现 %1 条跨社区重复，逐条列出各方。程序不作合并，请与相关社区核实处理。</translation>
    </message>
    <message>
        <source>No person is found in two communities.</source>
        <translation>未发现同一人在两个社区重复登记、救助或许愿。</translation>
    </message>
</context>
<context>
    <name>ApprovalsTab</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Since</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Amount and use</source>
        <translation>批准金额与用途</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Application</source>
        <translation>申请情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Approve %1</source>
        <translation>批准 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Reject %1</source>
        <translation>驳回 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
</context>
<context>
    <name>RepliesTab</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Case</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Only cases not yet closed</source>
        <translation>只看未办结</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>%1 (closed at the community)</source>
        <translation>%1（社区已办结）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Reason for escalating</source>
        <translation>转街道原因</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Reply…</source>
        <translation>答复…</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Reply to %1</source>
        <translation>答复 %1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Handling department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Reply</source>
        <translation>答复内容</translation>
    </message>
</context>
<context>
    <name>StreetNoticesTab</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Choose a notice to see how it was completed.</source>
        <translation>选中一条通知，这里显示各社区的完成情况。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>No community has completed it yet.</source>
        <translation>还没有社区完成。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Not yet completed: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Completion</source>
        <translation>完成数</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Not yet completed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>New notice…</source>
        <translation>新建通知…</translation>
    </message>
</context>
<context>
    <name>StreetNoticeDialog</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>New notice or task</source>
        <translation>新建通知或任务</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>To</source>
        <translation>发给</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Send receipt…</source>
        <translation>发送回执…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Receipts written: %1</source>
        <translation>已生成回执：%1（请交给社区导入）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Escalated cases</source>
        <translation>转街道诉求</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Notices and tasks</source>
        <translation>通知和任务</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Send receipts</source>
        <translation>发送回执</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>To</source>
        <translation>发给</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Folder</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_page.py" line="1"/>
        <source>Save the receipts to</source>
        <translation>回执保存到</translation>
    </message>
</context>
<context>
    <name>NoticesInbox</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>How it was done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Completed…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Completed (%1)</source>
        <translation>已完成（%1）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Not yet completed</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>NoticeDoneDialog</name>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Complete %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/street/orders_inbox.py" line="1"/>
        <source>How it was done</source>
        <translation>完成情况</translation>
    </message>
</context>
<context>
    <name>street</name>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>RevealField</name>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Show the full value (recorded in the audit log)</source>
        <translation>显示完整信息（记入审计日志）</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../redoffice/ui/registry/resident_dialog.py" line="1"/>
        <source>Personal information request…</source>
        <translation>个人信息查询…</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Personal information request</source>
        <translation>个人信息查询</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Personal information of %1</source>
        <translation>%1的个人信息</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Written: %1 and %2.</source>
        <translation>已导出：%1 和 %2。</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Past the retention period</source>
        <translation>保存期限已满的居民</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Erase selected…</source>
        <translation>清除所选…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Residents moved out or deceased %1 years or more ago whose personal information is still kept. Tick those to erase (the record stays, its personal fields are blanked, and the street erases its copy).</source>
        <translation>迁出或去世已满 %1 年、个人信息仍然保存的居民。勾选要清除的居民（记录保留，个人信息清空，同步时街道也将清除）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Tick the residents to erase first.</source>
        <translation>请先勾选要清除的居民。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Erase the personal information of %1 residents? This cannot be undone.</source>
        <translation>清除这 %1 名居民的个人信息？清除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/registry/privacy_dialogs.py" line="1"/>
        <source>Erased: %1.</source>
        <translation>已清除 %1 名。</translation>
    </message>
</context>
<context>
    <name>WorkSettings</name>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="1"/>
        <source>Keep personal information after moving out or death (years)</source>
        <translation>迁出或去世后个人信息保存年限（年）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/work_settings.py" line="1"/>
        <source>Past the period…</source>
        <translation>到期清除…</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Choose the second folder…</source>
        <translation>选择第二备份位置…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>No second folder</source>
        <translation>不用第二备份位置</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Backups: by the database administrator</source>
        <translation>备份：由数据库管理员负责</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Backup folder: %1</source>
        <translation>备份文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Copies: %1, %2 MB in all; the newest: %3</source>
        <translation>备份 %1 份，共 %2 MB；最新一份：%3</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>none</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Second folder: %1</source>
        <translation>第二备份位置：%1</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/backup_settings.py" line="1"/>
        <source>Backed up and verified: %1 (%2 MB)</source>
        <translation>已备份并校验：%1（%2 MB）</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Encrypted database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>This database is encrypted and this PC does not have its key.</source>
        <translation>此数据库已加密，本机没有它的密钥</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Enter the recovery key (or the passphrase)</source>
        <translation>请输入恢复密钥（或数据库口令）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>This PC has no keyring, so the encrypted database %1 does not open by itself. Type the recovery key from the recovery sheet kept in the safe. Type a passphrase only if one was set when the database was encrypted: a database encrypted with a PC's keyring has none.</source>
        <translation>这台电脑没有可用的系统密钥库，加密的数据库 %1 不能自动打开。请输入保险柜中恢复密钥单上的恢复密钥。加密时设置过口令才填口令：用系统密钥库加密的数据库没有口令。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Keep the key in this PC's keyring: the database then opens by itself</source>
        <translation>把密钥保存到本机系统密钥库（以后打开时不再询问）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Type the recovery key from the recovery sheet kept in the safe (14 groups of 4 digits and letters; spaces and dashes do not matter), or the database's passphrase if it was encrypted with one.</source>
        <translation>请输入保险柜中恢复密钥单上的恢复密钥（14 组，每组 4 位数字或字母；空格、短横线可有可无），或加密时设置的数据库口令。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/opening.py" line="1"/>
        <source>or passphrase</source>
        <translation>或数据库口令</translation>
    </message>
</context>
<context>
    <name>EncryptionTab</name>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>The database file is encrypted (SQLCipher, AES-256). This PC has no keyring: at every start the program asks for the recovery key on the recovery sheet kept in the safe, or for the passphrase if one was set when it was encrypted (the passphrase opens it on another PC too). The recovery key is not shown again.</source>
        <translation>数据库文件已加密（SQLCipher，AES-256）。这台电脑没有系统密钥库：每次启动时要输入保险柜中恢复密钥单上的恢复密钥，或加密时设置的数据库口令（设置过口令时，在别的电脑上也能用口令打开）。恢复密钥不会再次显示。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>The database file holds ID numbers, phones and other personal data readable by anyone who copies it. Encrypting it makes the file unreadable without its key. This PC has no keyring: a passphrase typed twice when encrypting makes the key, and it is asked for at every start; a recovery sheet to print and keep in the safe opens it too. A verified backup is made first.</source>
        <translation>数据库文件中有身份证号、电话等个人信息，任何人复制走文件都能读取。加密后，没有密钥就无法读取。这台电脑没有系统密钥库：加密时设置数据库口令（输入两次）作为密钥，以后每次启动都要输入口令；另生成一份恢复密钥单，打印后封存于保险柜，凭它也能打开。加密前会先做一份经过校验的备份。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>The database file holds ID numbers, phones and other personal data readable by anyone who copies it. Encrypting it makes the file unreadable without its key: the key is kept in this PC's system keyring, and a recovery sheet to print and keep in the safe opens it on another PC. A verified backup is made first.</source>
        <translation>数据库文件中有身份证号、电话等个人信息，任何人复制走文件都能读取。加密后，没有密钥就无法读取：密钥保存在本机系统密钥库中；另生成一份恢复密钥单，打印后封存于保险柜，凭它可在其他电脑上打开。加密前会先做一份经过校验的备份。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>Encrypt this database…</source>
        <translation>加密此数据库…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>The database file is encrypted (SQLCipher, AES-256). On this PC it opens with the key in the system keyring (or the passphrase); on another PC, or after the keyring is lost, only with the recovery key on the recovery sheet kept in the safe. The recovery key is not shown again.</source>
        <translation>数据库文件已加密（SQLCipher，AES-256）。在本机用系统密钥库中的密钥（或口令）自动打开；换电脑或密钥库丢失后，只能用保险柜中恢复密钥单上的恢复密钥打开。恢复密钥不会再次显示。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>This database is on a database server: encrypt it there (ask its administrator).</source>
        <translation>此数据库在数据库服务器上：请在服务器上加密（联系服务器管理员）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>Not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>Encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_tab.py" line="1"/>
        <source>Server database</source>
        <translation>服务器数据库</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Encrypting: first a verified backup of the database is made; then the recovery sheet is saved; then an encrypted copy is written, checked against the database and put in its place. Close other RedOffice windows on this database first. This PC has no keyring to keep the key: the passphrase set below is asked at every start; on another PC the recovery key opens it too. Without the recovery sheet and the passphrase nobody can open it again.</source>
        <translation>加密步骤：先为数据库做一份经过校验的备份；再保存恢复密钥单；然后写出加密的副本，与数据库逐表核对后替换原文件。请先关闭使用此数据库的其他 RedOffice 窗口。本机没有系统密钥库，无法保存密钥：加密后每次启动都要输入下面设置的口令；在其他电脑上也可凭恢复密钥打开。恢复密钥单和口令都丢失时，任何人都无法再打开数据库。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Encrypt this database</source>
        <translation>加密此数据库</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>This place is on this PC&apos;s own disk: I will print the sheet and then move the file off this PC (a USB drive is better).</source>
        <translation>此位置在本机磁盘上：我会打印恢复密钥单，然后把此文件移出本机（最好保存到U盘）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>The recovery sheet holds the database&apos;s key: on this PC&apos;s own disk a thief would take the key with the data. Choose a USB drive, or tick that you will print it and move the file off this PC.</source>
        <translation>恢复密钥单上有数据库的密钥：保存在本机磁盘上，电脑被盗时密钥会和数据一起被拿走。请选择U盘；或勾选上方的确认项，打印后把文件移出本机。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Backing up, encrypting and checking… do not close RedOffice.</source>
        <translation>正在备份、加密并校验……请不要关闭 RedOffice。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Print the recovery sheet…</source>
        <translation>打印恢复密钥单…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Encrypting: first a verified backup of the database is made; then the recovery sheet is saved; then an encrypted copy is written, checked against the database and put in its place. Close other RedOffice windows on this database first. Afterwards the database opens on this PC as before; on another PC only with the recovery key. Without the recovery sheet and this PC's key nobody can open it again.</source>
        <translation>加密步骤：先为数据库做一份经过校验的备份；再保存恢复密钥单；然后写出加密的副本，与数据库逐表核对后替换原文件。请先关闭使用此数据库的其他 RedOffice 窗口。加密后在本机照常打开；在其他电脑上只能凭恢复密钥打开。恢复密钥单和本机密钥都丢失时，任何人都无法再打开数据库。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Recovery sheet (PDF)</source>
        <translation>恢复密钥单（PDF）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Save the recovery sheet</source>
        <translation>保存恢复密钥单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Choose where to save the recovery sheet (a PDF file).</source>
        <translation>请选择恢复密钥单的保存位置（PDF 文件）。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>The two passphrases differ: type the same passphrase twice.</source>
        <translation>两次输入的口令不一致，请输入相同的口令。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Passphrase</source>
        <translation>数据库口令</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Passphrase again</source>
        <translation>再输一遍口令</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>The database is encrypted. Its recovery key is shown here this once; the recovery sheet was saved to %1: print it now, keep it in the safe, then delete the file.</source>
        <translation>数据库已加密。下面的恢复密钥只显示这一次；恢复密钥单已保存到 %1：请立即打印，封存于保险柜，然后删除该文件。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Recovery sheet</source>
        <translation>恢复密钥单</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source>Encrypted with it: %1 photos and scans, %2 copies in the backup folders.</source>
        <translation>同时加密了 %1 个照片和扫描件、备份文件夹中的 %2 份副本。</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/settings/encryption_dialog.py" line="1"/>
        <source> %1 plain copies that could not be read (damaged) were deleted.</source>
        <translation>另有 %1 份无法读取（已损坏）的未加密副本已删除。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>%1 (second folder)</source>
        <translation>%1（第二备份位置）</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Backups in %1 and the second folder:</source>
        <translation>备份文件夹 %1 和第二备份位置中的备份：</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Records</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Restore this backup…</source>
        <translation>用这份备份恢复…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../redoffice/ui/restore_dialog.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>

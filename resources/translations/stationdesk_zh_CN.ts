<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="52"/>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="56"/>
        <source>Badge</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="57"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="58"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="59"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="66"/>
        <source>Add officer...</source>
        <translation>添加民警…</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="67"/>
        <source>Reset password...</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="68"/>
        <source>Change role...</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="69"/>
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="70"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="101"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="103"/>
        <source>Locked until %1 (wrong passwords)</source>
        <translation>锁定至 %1（密码错误次数过多）</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="107"/>
        <source>Must choose a new password</source>
        <translation>须设置新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="108"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="114"/>
        <source>Select an account first.</source>
        <translation>请先选择一个账号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="153"/>
        <source>Temporary password for %1: %2

Tell it to the officer in person. They must choose their own password when they sign in.</source>
        <translation>%1 的临时密码：%2

请当面告知该民警。其登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="166"/>
        <source>Role of %1</source>
        <translation>%1 的角色</translation>
    </message>
</context>
<context>
    <name>AddOfficerDialog</name>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="214"/>
        <source>Add officer</source>
        <translation>添加民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="219"/>
        <location filename="../../app/ui/accounts_dialog.py" line="226"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="220"/>
        <location filename="../../app/ui/accounts_dialog.py" line="227"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="228"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="233"/>
        <source>A temporary password is shown when the account is added.</source>
        <translation>添加账号后将显示临时密码。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="84"/>
        <source>The backup folder %1 is not there. Is the backup drive plugged in? Nothing was lost; the next backup runs when the folder is back.</source>
        <translation>备份文件夹 %1 不存在。备份盘是否已插好？数据没有丢失；文件夹恢复后将进行下一次备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="88"/>
        <source>The backup folder %1 cannot be written. Choose another folder.</source>
        <translation>备份文件夹 %1 无法写入。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="91"/>
        <source>The backup drive (%1) is full. No partial backup was left; free space or choose another drive.</source>
        <translation>备份盘（%1）已满。未留下不完整的备份；请清理空间或选择其他磁盘。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="95"/>
        <source>This backup is incomplete (cut short while copying). Use another one.</source>
        <translation>该备份不完整（复制时中断）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="98"/>
        <source>This backup was changed after it was written. Do not use it; tell the station chief.</source>
        <translation>该备份在写入后被改动过。请勿使用，并报告所长。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="102"/>
        <source>Some pages of this backup do not read back as they were written: the drive may be failing. Use another backup, or another drive for the next one.</source>
        <translation>此备份有部分页面读回时与写入时不一致，备份盘可能正在损坏。请改用其他备份，下次备份请换一个盘。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="106"/>
        <source>This backup has no description file, so it cannot be checked.</source>
        <translation>该备份缺少说明文件，无法校验。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="350"/>
        <source>StationDesk - recovery</source>
        <translation>StationDesk - 数据恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="364"/>
        <source>No good backup was found in %1. Plug in the backup drive and start StationDesk again, or call the administrator.</source>
        <translation>在 %1 中没有找到完好的备份。请插入备份盘后重新启动 StationDesk，或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="372"/>
        <source>The station database is missing or empty. The newest good backup was written %1 and holds %2 reports. Restore it now? After sign-in, the sync takes back from HQ what the backup lacks.</source>
        <translation>本所数据库文件缺失或为空。最新的完好备份写于 %1，含 %2 条警情。现在恢复吗？登录后，同步会从总部取回备份中缺少的记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="377"/>
        <source>The station database is damaged. The newest good backup was written %1 and holds %2 reports. Restore it now? The damaged file is kept aside; after sign-in, the sync takes back from HQ what the backup lacks.</source>
        <translation>本所数据库已损坏。最新的完好备份写于 %1，包含 %2 条警情。现在恢复吗？损坏的文件会另行保留；登录后同步将从总部取回备份中缺少的记录。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="131"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="193"/>
        <source>Choose...</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="140"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="141"/>
        <source>only at shift end</source>
        <translation>仅在交班时</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="146"/>
        <source>Backups kept</source>
        <translation>保留份数</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="147"/>
        <source>Back up every</source>
        <translation>备份间隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="148"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="154"/>
        <source>Written</source>
        <translation>写入时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="155"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="156"/>
        <source>Reports</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="157"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="158"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="168"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="169"/>
        <source>Check selected</source>
        <translation>校验所选</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="170"/>
        <source>Restore selected...</source>
        <translation>恢复所选…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="144"/>
        <location filename="../../app/ui/backups_dialog.py" line="221"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="202"/>
        <source>This folder is on the same disk as the station&apos;s data: a backup here does not survive that disk. Choose a folder on another disk or a USB drive.</source>
        <translation>该文件夹与本所数据在同一磁盘上：磁盘损坏时，这里的备份也会一同丢失。请选择另一块磁盘或 U 盘上的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="236"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="239"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="252"/>
        <source>written and checked</source>
        <translation>已写入并校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="253"/>
        <source>INCOMPLETE</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="254"/>
        <source>cannot be checked</source>
        <translation>无法校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="272"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="273"/>
        <source>scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="274"/>
        <source>shift end</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="281"/>
        <source>Select a backup first.</source>
        <translation>请先选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="286"/>
        <source>Backing up; the desk can be used meanwhile...</source>
        <translation>正在备份，期间可照常接报…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="288"/>
        <source>A backup is already running.</source>
        <translation>已有备份正在进行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="295"/>
        <source>Backup written and checked: %1 reports in %2 s.</source>
        <translation>备份已写入并校验：%1 条警情，用时 %2 秒。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="306"/>
        <source>Checking the backup...</source>
        <translation>正在校验备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="318"/>
        <source>This backup is sound: %1 reports, written %2.</source>
        <translation>该备份完好：%1 条警情，写于 %2。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="329"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="331"/>
        <source>Put this backup in place of the station database?

The current file is kept aside, not deleted. StationDesk restarts, and the next sync takes back from HQ every record the backup lacks.</source>
        <translation>用此备份替换本所数据库吗？

当前文件会另行保留，不会删除。StationDesk 将重新启动，下一次同步会从总部取回备份中缺少的全部记录。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="71"/>
        <source>nothing yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>CarePersonDialog</name>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="45"/>
        <source>Add to the care register</source>
        <translation>登记特殊人群</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="45"/>
        <source>Care register entry</source>
        <translation>特殊人群登记信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="48"/>
        <location filename="../../app/ui/care_person_dialog.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="49"/>
        <location filename="../../app/ui/care_person_dialog.py" line="78"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="50"/>
        <location filename="../../app/ui/care_person_dialog.py" line="79"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="51"/>
        <location filename="../../app/ui/care_person_dialog.py" line="80"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="52"/>
        <location filename="../../app/ui/care_person_dialog.py" line="81"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="60"/>
        <source>(no grade)</source>
        <translation>（无分级）</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="66"/>
        <source>Safe contact (no phone calls)</source>
        <translation>安全联系（不得电话联系）</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="74"/>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="75"/>
        <source>Risk grade (mental illness 0-5)</source>
        <translation>风险等级（精神障碍 0-5 级）</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="139"/>
        <source>Why does the risk grade change? (e.g. the doctor&apos;s review; kept with the entry, and the next care visit follows the new grade)</source>
        <translation>风险等级为何变更？（如：复诊结论；随登记信息保存，下次走访按新等级安排）</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_person_dialog.py" line="160"/>
        <source>The visit policy needs a grade for this category.</source>
        <translation>按回访规则，该类人员须选择风险等级。</translation>
    </message>
</context>
<context>
    <name>CareRegisterView</name>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="38"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="42"/>
        <source>Show people taken off</source>
        <translation>显示已撤销登记人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="49"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="50"/>
        <location filename="../../app/ui/care_register_view.py" line="63"/>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="51"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="52"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="53"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="54"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="55"/>
        <source>Officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="56"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="57"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="71"/>
        <source>Add...</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="72"/>
        <source>Open...</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="73"/>
        <source>Take off the register...</source>
        <translation>撤销登记…</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="74"/>
        <source>Print the register...</source>
        <translation>打印登记册…</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="108"/>
        <source>safe contact - no calls</source>
        <translation>安全联系—不得电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="113"/>
        <source>On the register</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="115"/>
        <source>Taken off: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="123"/>
        <source>On the register: %1</source>
        <translation>在册 %1 人</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="141"/>
        <source>Choose a person on the register first.</source>
        <translation>请先选择一名在册人员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="146"/>
        <source>Take off the register</source>
        <translation>撤销登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="148"/>
        <source>Why does %1 leave the register (moved away, recovered, died)? The entry is kept with the reason and the pending care visit is cancelled.</source>
        <translation>%1 因何撤销登记（迁出、康复、死亡）？登记信息连同原因永久保留，待办走访随即取消。</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="158"/>
        <source>Give the reason: nobody leaves the register without one.</source>
        <translation>请填写原因：撤销登记必须说明原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="176"/>
        <source>care-register</source>
        <translation>特殊人群登记册</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="177"/>
        <source>Print the register</source>
        <translation>打印登记册</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="178"/>
        <source>The care register is ready. On the register: %1.</source>
        <translation>特殊人群登记册已生成，在册 %1 人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/care_register_view.py" line="181"/>
        <source>Save the register as PDF</source>
        <translation>将登记册另存为 PDF</translation>
    </message>
</context>
<context>
    <name>CaseFileDialog</name>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="186"/>
        <source>Save plan</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="193"/>
        <source>What was done, e.g. visited both parties</source>
        <translation>做了什么，如：已走访双方当事人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="194"/>
        <source>Add to the log</source>
        <translation>记入工作日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="201"/>
        <source>Clear the file</source>
        <translation>清零销档</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="204"/>
        <location filename="../../app/ui/case_files_view.py" line="359"/>
        <source>Issue reminder sheet</source>
        <translation>签发重复警情提示单</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="206"/>
        <source>Only the station chief issues reminder sheets.</source>
        <translation>只有所领导可以签发提示单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="219"/>
        <source>Plan</source>
        <translation>化解方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="222"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="225"/>
        <source>Responsible</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="234"/>
        <source>Reports in this file</source>
        <translation>本档警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="237"/>
        <source>Action log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="240"/>
        <source>Result (needed to clear; a return visit must be done)</source>
        <translation>化解结果（清零须填写，且须已回访）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="257"/>
        <source>Case file %1</source>
        <translation>案件档案 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="260"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="288"/>
        <source>Reminder sheet %1, deadline %2: %3</source>
        <translation>提示单 %1，反馈期限 %2：%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="320"/>
        <source>state the result</source>
        <translation>填写化解结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="322"/>
        <source>do a return visit on one of its reports</source>
        <translation>对本档警情完成一次回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="324"/>
        <source>The file cannot be cleared yet: %1.</source>
        <translation>暂不能清零：请%1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="361"/>
        <source>Issue a repeat-report reminder sheet for this case file? It takes the next sheet number and starts its deadlines; an issued sheet stays on record.</source>
        <translation>为该案卷开具重复报警提示单？提示单将占用下一个编号并开始计算期限；开具后永久留档。</translation>
    </message>
</context>
<context>
    <name>CaseFiles</name>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="44"/>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="45"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="46"/>
        <source>Cleared</source>
        <translation>已清零</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="56"/>
        <source>repeat within %1 days</source>
        <translation>%1天内重复报警</translation>
    </message>
</context>
<context>
    <name>CaseFilesView</name>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="69"/>
        <source>Show cleared files</source>
        <translation>显示已清零的档案</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="76"/>
        <source>File</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="77"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="78"/>
        <source>Reports</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="79"/>
        <source>Responsible</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="80"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="81"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="82"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="83"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_files_view.py" line="131"/>
        <source>%1 open files, %2 past their deadline (escalated to the station chief).</source>
        <translation>在办档案 %1 个，超期 %2 个（已提级至所领导）。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="43"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="44"/>
        <location filename="../../app/ui/password_dialog.py" line="48"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="45"/>
        <location filename="../../app/ui/password_dialog.py" line="49"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="46"/>
        <location filename="../../app/ui/password_dialog.py" line="50"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="53"/>
        <source>An administrator reset your password. Choose your own before you go on (at least 8 characters).</source>
        <translation>管理员已重置您的密码。继续之前请设置自己的密码（至少8个字符）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="57"/>
        <source>At least 8 characters, different from the current one.</source>
        <translation>至少8个字符，且不同于当前密码。</translation>
    </message>
</context>
<context>
    <name>CommentsBanner</name>
    <message>
        <location filename="../../app/ui/review_ui.py" line="187"/>
        <source>Read...</source>
        <translation>查看…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="198"/>
        <source>The station chief commented on %1 of your reports.</source>
        <translation>所领导在每日研判中对您的 %1 起接报作了批注。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="208"/>
        <source>Comments from the daily review</source>
        <translation>每日研判批注</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="220"/>
        <source>Mark as read</source>
        <translation>已阅</translation>
    </message>
</context>
<context>
    <name>CommitteeBox</name>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="35"/>
        <source>Residents&apos; or villagers&apos; committee (art. 17)</source>
        <translation>通知居（村）民委员会（第十七条）</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="38"/>
        <source>By phone</source>
        <translation>电话通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="39"/>
        <source>In person</source>
        <translation>当面通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="40"/>
        <source>In writing</source>
        <translation>书面通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="42"/>
        <location filename="../../app/ui/letter_committee.py" line="59"/>
        <source>Committee</source>
        <translation>居（村）委会</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="43"/>
        <source>e.g. 富力城社区居民委员会</source>
        <translation>如：富力城社区居民委员会</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="44"/>
        <location filename="../../app/ui/letter_committee.py" line="60"/>
        <source>Told</source>
        <translation>被通知人</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="45"/>
        <source>who was told, e.g. 王主任</source>
        <translation>被通知人，如：王主任</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="55"/>
        <source>Record the notice</source>
        <translation>登记通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="66"/>
        <source>How, when</source>
        <translation>方式、日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="70"/>
        <source>Check</source>
        <translation>查访</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="72"/>
        <source>what the committee and the visit found</source>
        <translation>居（村）委会及查访情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="74"/>
        <source>Record the check</source>
        <translation>登记查访</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="107"/>
        <source>%1 told (%2, %3) on %4; the check with it is due %5.</source>
        <translation>已于 %4 通知%1（%2，%3）；应于 %5 前会同查访。</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_committee.py" line="115"/>
        <source>Checked on %1: %2</source>
        <translation>%1 已查访：%2</translation>
    </message>
</context>
<context>
    <name>DailyReviewDialog</name>
    <message>
        <location filename="../../app/ui/review_ui.py" line="47"/>
        <source>Daily review</source>
        <translation>每日研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="50"/>
        <source>the officer asks for a look</source>
        <translation>民警申请所领导把关</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="51"/>
        <source>intake not completed</source>
        <translation>未完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="52"/>
        <source>required details missing</source>
        <translation>必填要素缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="53"/>
        <source>completed over %1 hours after receipt</source>
        <translation>接报后超过 %1 小时才完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="56"/>
        <source>repeat, in no case file</source>
        <translation>重复警情未建档</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="69"/>
        <source>Serial</source>
        <translation>接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="72"/>
        <source>Received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="73"/>
        <source>Officer</source>
        <translation>接警民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="74"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="75"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="70"/>
        <source>To look at</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="71"/>
        <source>Signed off</source>
        <translation>已签阅</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="85"/>
        <source>Comment for the officer (optional), e.g. 补录报警人身份证号</source>
        <translation>给接警民警的批注（可不填），如：补录报警人身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="90"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="95"/>
        <source>Sign off selected</source>
        <translation>签阅所选</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="96"/>
        <source>Sign off all</source>
        <translation>全部签阅</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="134"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="134"/>
        <source>yes, with a comment</source>
        <translation>是，有批注</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="148"/>
        <source>Reports: %1; to look at: %2; signed off: %3.</source>
        <translation>接报 %1 起，需关注 %2 起，已签阅 %3 起。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_ui.py" line="156"/>
        <source>Choose the reports to sign off first.</source>
        <translation>请先选择要签阅的接报。</translation>
    </message>
</context>
<context>
    <name>DeskViews</name>
    <message>
        <location filename="../../app/ui/desk_views.py" line="92"/>
        <source>Reports</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_views.py" line="98"/>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_views.py" line="100"/>
        <source>Case files</source>
        <translation>一案一档</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_views.py" line="101"/>
        <source>Reminder sheets</source>
        <translation>重复警情提示单</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_views.py" line="102"/>
        <source>Care register</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_views.py" line="103"/>
        <source>Supervision</source>
        <translation>督导研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_views.py" line="104"/>
        <source>Shift end</source>
        <translation>交班核对</translation>
    </message>
</context>
<context>
    <name>EarlyWarning</name>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="46"/>
        <source>%1 (lifted)</source>
        <translation>%1（已解除）</translation>
    </message>
</context>
<context>
    <name>EarlyWarningDialog</name>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="66"/>
        <source>Five-colour early warning</source>
        <translation>五色预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="68"/>
        <source>Risk factors</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="84"/>
        <source>As suggested</source>
        <translation>按建议颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="93"/>
        <source>Needed when the colour differs from the suggestion or changes</source>
        <translation>颜色与建议不同或调整颜色时必须填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="104"/>
        <source>Suggested</source>
        <translation>建议颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="105"/>
        <source>Colour set</source>
        <translation>确定颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="106"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="112"/>
        <source>Lift warning...</source>
        <translation>解除预警…</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="115"/>
        <source>Only the station chief lifts a warning.</source>
        <translation>只有所领导可以解除预警。</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="140"/>
        <source>%1 (score %2)</source>
        <translation>%1（评分 %2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="147"/>
        <source>Monitored by: %1. Visit interval: %2 days.</source>
        <translation>盯办层级：%1。回访间隔：%2 天。</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="167"/>
        <source>Say why the colour differs from the suggestion or from the colour set before.</source>
        <translation>请说明颜色与建议不同或与原定颜色不同的理由。</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="182"/>
        <location filename="../../app/ui/early_warning_dialog.py" line="193"/>
        <source>Lift warning</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="184"/>
        <source>Lifting ends this report&apos;s early warning: its colour goes and its pending warning visits are cancelled. The lifting stays on record.
Why is the risk gone?</source>
        <translation>解除后，该警情的预警结束：预警颜色撤销，未完成的预警回访取消。解除记录永久留档。
风险因何消除？</translation>
    </message>
    <message>
        <location filename="../../app/ui/early_warning_dialog.py" line="193"/>
        <source>A reason is required.</source>
        <translation>必须填写理由。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="34"/>
        <source>Link this station to HQ</source>
        <translation>将本所接入总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="37"/>
        <source>HQ gives each station a one-time enrolment code. After linking, every record and change goes to HQ at each sync, and a station restored from a backup takes back from HQ what the backup lacked.</source>
        <translation>总部为每个所发放一次性接入码。接入后，每次同步都会把所有记录和修改送往总部；从备份恢复的所还会从总部取回备份中缺少的记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="50"/>
        <location filename="../../app/ui/enroll_dialog.py" line="63"/>
        <source>HQ address</source>
        <translation>总部地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="53"/>
        <location filename="../../app/ui/enroll_dialog.py" line="64"/>
        <source>Enrolment code</source>
        <translation>接入码</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="54"/>
        <source>Closed police network: allow http://</source>
        <translation>公安专网内：允许 http://</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="59"/>
        <source>Link</source>
        <translation>接入</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="79"/>
        <source>Type the address HQ gave you.</source>
        <translation>请输入总部提供的地址。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="83"/>
        <source>Type the enrolment code from HQ.</source>
        <translation>请输入总部提供的接入码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="104"/>
        <source>That address would send records unencrypted. Use https://, or tick the box on a closed police network.</source>
        <translation>该地址会以明文传送记录。请使用 https://；在公安专网内可勾选下方选项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="108"/>
        <source>HQ cannot be reached at this address. Check it, or try again when the network is back.</source>
        <translation>无法通过该地址连接总部。请核对地址，或在网络恢复后再试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enroll_dialog.py" line="112"/>
        <source>HQ did not accept this code: it is unknown, used, expired or for another unit. Ask HQ for a new one.</source>
        <translation>总部未接受此接入码：接入码无效、已使用、已过期或属于其他单位。请向总部重新申请。</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="39"/>
        <source>handover</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="40"/>
        <source>Handover sheet</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="41"/>
        <source>The handover sheet for the duty book is ready.</source>
        <translation>交接班记录已生成，可打印存入值班簿。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="42"/>
        <source>Save the handover sheet as PDF</source>
        <translation>将交接班记录另存为 PDF</translation>
    </message>
</context>
<context>
    <name>HandoverBanner</name>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="105"/>
        <source>Take over the shift...</source>
        <translation>接班…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="117"/>
        <source>%1 handed over the shift at %2, with %3 open receipts and %4 visits due.</source>
        <translation>%1 于 %2 交班：未完成登记 %3 起，待回访 %4 个，请确认接班。</translation>
    </message>
</context>
<context>
    <name>HandoverBox</name>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="55"/>
        <source>Hand over the shift</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="59"/>
        <source>What the next shift must know: matters in hand, people to call back, ...</source>
        <translation>需下一班知悉的事项：在办警情、待回电的群众……</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="63"/>
        <source>Hand over...</source>
        <translation>交班…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="82"/>
        <source>Write the handover note first.</source>
        <translation>请先填写交班说明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="92"/>
        <source>Handed over: the next officer to sign in is asked to acknowledge it.</source>
        <translation>已交班：下一位登录的民警将被提示确认接班。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="143"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="149"/>
        <source>From %1, shift from %2 to %3</source>
        <translation>交班民警 %1，本班 %2 至 %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="156"/>
        <source>Receipts not completed: %1</source>
        <translation>未完成登记的接报：%1 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="161"/>
        <source>Visits due: %1</source>
        <translation>到期及逾期回访：%1 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="167"/>
        <source>Remarks on taking over (optional)</source>
        <translation>接班意见（可不填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover_ui.py" line="172"/>
        <source>Acknowledge</source>
        <translation>确认接班</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="34"/>
        <source>History of %1</source>
        <translation>%1 的修改记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="40"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="41"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="42"/>
        <source>Officer</source>
        <translation>接警民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="43"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="44"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="45"/>
        <source>Old -&gt; new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="53"/>
        <source>Receipt drawn</source>
        <translation>领取接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="54"/>
        <source>Intake completed</source>
        <translation>完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="55"/>
        <source>Details corrected</source>
        <translation>更正信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="56"/>
        <source>Left unfinished</source>
        <translation>暂未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="57"/>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="58"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="59"/>
        <source>Early warning assessed</source>
        <translation>预警评估</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="60"/>
        <source>Early warning lifted</source>
        <translation>解除预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="61"/>
        <source>Made safe-contact</source>
        <translation>设为安全联系</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="62"/>
        <source>Renumbered (its number was drawn twice)</source>
        <translation>重新编号（编号重复）</translation>
    </message>
</context>
<context>
    <name>IncidentTypePicker</name>
    <message>
        <location filename="../../app/ui/intake_types.py" line="45"/>
        <source>No incident type matches &quot;%1&quot;: try the pinyin initials, e.g. dq.</source>
        <translation>没有与“%1”匹配的警情类别：可输入拼音首字母，如 dq。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_types.py" line="118"/>
        <source>dispute: return visits required</source>
        <translation>矛盾纠纷：须按规定回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_types.py" line="121"/>
        <source>safe contact: never contact the victim where the other party could see</source>
        <translation>安全联系：不得以对方可见的方式联系受害人</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_types.py" line="124"/>
        <source>non-police matter: refer to %1</source>
        <translation>非警务警情：分流至 %1</translation>
    </message>
</context>
<context>
    <name>IntakeBinder</name>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="25"/>
        <source>Receipt %1 - received %2 by %3</source>
        <translation>接报编号 %1 —— %2 由 %3 接警</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="34"/>
        <source>The PC clock went backwards since the previous receipt: check the clock. The time shown is what the PC said.</source>
        <translation>电脑时钟比上一次接警时间倒退，请检查时钟。此处显示的是电脑当时的时间。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="38"/>
        <source>VOIDED: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="40"/>
        <source>Left unfinished: %1</source>
        <translation>暂未完成：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="69"/>
        <source>Save intake</source>
        <translation>保存登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="69"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="71"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="75"/>
        <source>Return visits: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="92"/>
        <source>Case file %1 (%2): %3 reports, deadline %4</source>
        <translation>所属档案 %1（%2）：警情 %3 起，期限 %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="114"/>
        <source>Early warning: %1</source>
        <translation>五色预警：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="118"/>
        <source>save the intake, then set the colour</source>
        <translation>保存登记后标定颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_binder.py" line="120"/>
        <source>&lt;b&gt;not assessed yet&lt;/b&gt;: set the colour</source>
        <translation>&lt;b&gt;尚未评估&lt;/b&gt;：请标定预警颜色</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../app/ui/intake_form.py" line="57"/>
        <source>Intake form</source>
        <translation>警情登记表</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="220"/>
        <source>Draft kept - typed text survives a crash or power cut.</source>
        <translation>草稿已保存——即使程序崩溃或断电，已录入内容也不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="275"/>
        <source>Saved. Status: %1</source>
        <translation>已保存。状态：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="317"/>
        <source>StationDesk</source>
        <translation>StationDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="318"/>
        <source>A reason is required (at most 500 characters, no control characters).</source>
        <translation>必须填写原因（不超过500字，不含控制字符）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="329"/>
        <source>Leave unfinished</source>
        <translation>暂不完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="329"/>
        <source>Why can the intake not be completed now?</source>
        <translation>为什么现在无法完成登记？</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="338"/>
        <source>Void receipt</source>
        <translation>作废接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="340"/>
        <source>Voiding marks this receipt void: it stays on record for ever with the reason, keeps its number, and can no longer be edited.
Reason for voiding:</source>
        <translation>作废后，该接报记录标记为作废：连同原因永久留档，保留编号，不能再修改。
作废原因：</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="351"/>
        <source>Close report</source>
        <translation>办结警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="351"/>
        <source>Disposal result:</source>
        <translation>处置结果：</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="358"/>
        <source>Ask the chief to look at it</source>
        <translation>提请所领导把关</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="359"/>
        <source>What should the station chief look at? (optional)</source>
        <translation>请所领导关注什么？（可不填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="368"/>
        <source>Sent to the station chief&apos;s daily review.</source>
        <translation>已提交所领导每日研判。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="381"/>
        <source>Refer</source>
        <translation>分流移交</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_form.py" line="381"/>
        <source>Responsible department:</source>
        <translation>主管部门：</translation>
    </message>
</context>
<context>
    <name>IntakeLayout</name>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="86"/>
        <source>Reporter name</source>
        <translation>报警人姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="87"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="88"/>
        <source>No phone because</source>
        <translation>无电话原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="89"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="90"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="91"/>
        <source>Incident type</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="92"/>
        <source>Incident time</source>
        <translation>发案时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="93"/>
        <source>Incident place</source>
        <translation>发案地点</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="94"/>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="110"/>
        <source>Safe contact: no phone calls; printed sheets leave out the details</source>
        <translation>安全联系：不得电话联系，打印的回访单不显示案情细节</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="115"/>
        <source>Type Chinese, pinyin or initials, e.g. dq</source>
        <translation>输入中文、拼音或首字母，如 dq</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="129"/>
        <source>Matching incident types</source>
        <translation>匹配的警情类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="140"/>
        <source>Handling standard</source>
        <translation>规范处置标准</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="143"/>
        <source>Handling steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="147"/>
        <source>Choose an incident type to see its handling steps.</source>
        <translation>选择警情类别后，这里显示该类警情的规范处置步骤。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="154"/>
        <location filename="../../app/ui/intake_layout.py" line="155"/>
        <source>Save intake</source>
        <translation>保存登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="156"/>
        <source>Save intake (Ctrl+S or Ctrl+Enter, from any field)</source>
        <translation>保存登记（在任一栏中按 Ctrl+S 或 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="157"/>
        <source>Leave unfinished...</source>
        <translation>暂不完成…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="158"/>
        <source>Void receipt...</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="159"/>
        <source>Start handling</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="160"/>
        <source>Close with result...</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="161"/>
        <source>Refer to department...</source>
        <translation>分流移交…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="162"/>
        <source>Receipt slip...</source>
        <translation>报警回执…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="163"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="165"/>
        <source>Ask the chief to look at it...</source>
        <translation>提请所领导把关…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="167"/>
        <source>Early warning...</source>
        <translation>五色预警…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_layout.py" line="168"/>
        <source>Warning letter...</source>
        <translation>告诫书…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="22"/>
        <source>Serial</source>
        <translation>接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24"/>
        <source>Unit</source>
        <translation>接报单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25"/>
        <source>Officer</source>
        <translation>接警民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26"/>
        <source>Channel</source>
        <translation>报警方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="28"/>
        <source>Clock warning</source>
        <translation>时钟异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29"/>
        <source>Reporter name</source>
        <translation>报警人姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31"/>
        <source>No phone because</source>
        <translation>无电话原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="32"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="33"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>Incident type</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>Incident time</source>
        <translation>发案时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>Incident place</source>
        <translation>发案地点</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37"/>
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>Handling steps done</source>
        <translation>已完成处置步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>Disposal result</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>Referred to</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="41"/>
        <source>Reason left unfinished</source>
        <translation>未完成原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="42"/>
        <source>Reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="43"/>
        <source>Safe contact</source>
        <translation>安全联系</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="44"/>
        <source>Risk factors</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="45"/>
        <source>Suggested colour</source>
        <translation>建议颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="46"/>
        <source>Warning colour</source>
        <translation>预警颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="47"/>
        <source>Reason for the colour</source>
        <translation>定色理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="48"/>
        <source>Monitored by</source>
        <translation>盯办层级</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="49"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="50"/>
        <source>Repeat rule</source>
        <translation>重复报警规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="51"/>
        <source>Repeated by</source>
        <translation>重复依据</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="52"/>
        <source>Reports in the rule&apos;s window</source>
        <translation>规则期限内报警次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="60"/>
        <source>same phone number</source>
        <translation>同一电话号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="61"/>
        <source>same ID number</source>
        <translation>同一身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="62"/>
        <source>same person at the same address</source>
        <translation>同一人同一地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="63"/>
        <source>same incident place</source>
        <translation>同一事发地点</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="87"/>
        <source>Active</source>
        <translation>在管</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="88"/>
        <source>Lifted</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="174"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="176"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="183"/>
        <source>Front-desk officer</source>
        <translation>接报民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="184"/>
        <source>Community police</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="185"/>
        <source>Station chief</source>
        <translation>所长</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="186"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/ui/lock_screen.py" line="96"/>
        <source>Receive walk-in (F2)</source>
        <translation>自接警 (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_screen.py" line="97"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_screen.py" line="98"/>
        <location filename="../../app/ui/lock_screen.py" line="100"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_screen.py" line="99"/>
        <location filename="../../app/ui/lock_screen.py" line="101"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_screen.py" line="105"/>
        <source>Screen locked. %1 (%2) was signed in; any officer may sign in.</source>
        <translation>屏幕已锁定。此前登录的是 %1（%2）；任何民警均可登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_screen.py" line="117"/>
        <source>Receipt %1 is stamped and saved. Sign in to take down the details.</source>
        <translation>回执 %1 已生成并保存。请登录后登记详情。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="64"/>
        <source>StationDesk - %1</source>
        <translation>StationDesk 接警台 - %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="114"/>
        <source>Receive desk</source>
        <translation>接警台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>Keys kept in a file (demo or test station)</source>
        <translation>密钥保存在文件中（演示或测试所）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>This PC&apos;s keyring keeps the database key and the HQ token in a plain file (STATIONDESK_ALLOW_FILE_KEYRING=1). A real station keeps them in the system keyring.</source>
        <translation>本机的密钥环将数据库密钥和总部令牌保存在普通文件中（STATIONDESK_ALLOW_FILE_KEYRING=1）。正式使用的派出所应将其保存在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>%1 (%2) on duty - %3 %4</source>
        <translation>值班民警：%1（%2）— %3 %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="319"/>
        <source>Backing up; the desk can be used meanwhile...</source>
        <translation>正在备份，期间可照常接报…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="325"/>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="328"/>
        <source>Backup written and checked.</source>
        <translation>备份已写入并校验。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="350"/>
        <source>The backup is in place. StationDesk starts again; sign in, and the next sync takes back from HQ the records the backup lacked.</source>
        <translation>备份已恢复。StationDesk 将重新启动；登录后，下一次同步会从总部取回备份中缺少的记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="392"/>
        <source>Quit StationDesk</source>
        <translation>退出 StationDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="394"/>
        <source>%1 intake(s) are open and not yet saved. What was typed is kept and comes back when you next sign in. Quit anyway?</source>
        <translation>有 %1 份登记尚未保存。已录入的内容会保留，下次登录时自动恢复。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214"/>
        <source>Warning: the PC clock went backwards since the last receipt. Check the clock.</source>
        <translation>警告：电脑时钟比上一次接警时间倒退，请检查时钟。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>%1 intake(s) interrupted earlier were reopened with what had been typed.</source>
        <translation>已重新打开 %1 份此前中断的登记，已录入内容均已恢复。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="276"/>
        <source>HQ had lost %1 records this PC had sent: they were sent again.</source>
        <translation>总部丢失了本机已上传的 %1 条记录，已重新上传。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="284"/>
        <source>This PC was restored from an older backup: %1 records were taken back from HQ.</source>
        <translation>本机系从较早的备份恢复：已从总部取回 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="295"/>
        <source>Link to HQ</source>
        <translation>接入总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>Only the station chief or the administrator links the station to HQ.</source>
        <translation>只有所长或管理员可以将本所接入总部。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="33"/>
        <source>The station database is busy or locked by another program. Your input is kept; try again in a moment.</source>
        <translation>本所数据库正被其他程序占用。已录入内容仍保留，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="37"/>
        <source>The station database cannot be written: the file or its folder is read-only. Nothing was saved; ask the administrator to check the disk.</source>
        <translation>无法写入本所数据库：文件或目录为只读。本次内容未保存，请联系管理员检查磁盘。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="41"/>
        <source>The disk is full. Nothing was lost, but new input cannot be saved until space is freed.</source>
        <translation>磁盘已满。已保存的数据不会丢失，但需释放空间后才能保存新内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="45"/>
        <source>The station database file is damaged or is not a StationDesk database. Do not continue; call the administrator to restore the latest backup.</source>
        <translation>本所数据库文件已损坏或不是 StationDesk 数据库。请勿继续操作，联系管理员恢复最新备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="49"/>
        <source>The station database is missing or empty, but this folder belongs to a station (its key record or backups are here). Nothing was set up anew: restore the newest backup.</source>
        <translation>本所数据库文件缺失或为空，但该文件夹属于一个派出所（其中有密钥记录或备份）。系统未新建任何派出所：请恢复最新的备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="55"/>
        <source>This station database was written by a newer version of StationDesk. Install that version; this one will not touch the file.</source>
        <translation>该数据库由更新版本的 StationDesk 写入。请安装新版本；当前版本不会改动该文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="59"/>
        <source>The station database reported an error. Your input is kept.</source>
        <translation>数据库报告错误。已录入内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="91"/>
        <source>Wrong badge number or password.</source>
        <translation>警号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="92"/>
        <source>Too many wrong passwords: this account is locked until %1. An administrator can unlock it sooner.</source>
        <translation>密码错误次数过多：该账号锁定至 %1。管理员可提前解锁。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="62"/>
        <source>The station database is encrypted and this computer&apos;s keyring does not hold its key. Type the recovery key from the sheet in the station safe.</source>
        <translation>本所数据库已加密，而本机钥匙串中没有其密钥。请输入所内保险柜中恢复密钥页上的密钥。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="66"/>
        <source>This recovery key does not open this station&apos;s database: it belongs to another station. Check the unit name on the sheet.</source>
        <translation>此恢复密钥无法打开本所数据库：它属于其他单位。请核对密钥页上的单位名称。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="70"/>
        <source>That is not a recovery key: check the 56 letters and digits on the sheet and type them again. Dashes and spaces do not matter.</source>
        <translation>这不是有效的恢复密钥：请核对密钥页上的56位字母和数字后重新输入。短横线和空格可省略。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="74"/>
        <source>The system keyring is not available, so the station&apos;s keys cannot be kept safely. Start or unlock the keyring service and try again.</source>
        <translation>系统钥匙串不可用，无法安全保存本所密钥。请启动或解锁钥匙串服务后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="78"/>
        <source>The keyring on this PC keeps secrets in a plain file, not in the system&apos;s protected store, so the station&apos;s keys are not put there. Use the system keyring (Windows Credential Manager); only a demo or test station may set STATIONDESK_ALLOW_FILE_KEYRING=1.</source>
        <translation>本机的密钥环把机密保存在普通文件中，而不是系统受保护的存储区，因此不会把本所的密钥放在那里。请使用系统密钥环（Windows 凭据管理器）；只有演示或测试所才可设置 STATIONDESK_ALLOW_FILE_KEYRING=1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="96"/>
        <source>Your role is not allowed to do this. A station chief must do it.</source>
        <translation>您的角色无权执行此操作，须由所长（带班领导）办理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="103"/>
        <source>That report no longer exists in this station&apos;s database.</source>
        <translation>本所数据库中找不到该警情。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="106"/>
        <source>The report&apos;s status does not allow this change.</source>
        <translation>该警情当前状态不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="109"/>
        <source>The incident catalog could not be loaded.</source>
        <translation>无法加载警情类别目录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="112"/>
        <source>Some fields need attention; see the messages beside them.</source>
        <translation>部分内容需要修改，请查看各栏旁的提示。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="115"/>
        <source>This station is already set up.</source>
        <translation>本所已完成初始化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="116"/>
        <source>No visit of this station has the code %1. Check the code on the sheet (V, seven digits, dash, check digit) and type it again.</source>
        <translation>本所没有编号为 %1 的回访。请核对回访单上的编号（V、七位数字、短横线、校验位）后重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="125"/>
        <source>The outcome of visit %1 was already recorded (%2, %3 by %4). Nothing was changed.</source>
        <translation>回访 %1 的结果已录入（%2，%3，录入人 %4），本次未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="133"/>
        <source>Report %1 was voided: it is not visited and no sheet is printed for it.</source>
        <translation>警情 %1 已作废：不再回访，也不打印回访单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="136"/>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="139"/>
        <source>The return-visit policy file could not be loaded: %1</source>
        <translation>无法读取回访规则文件：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="142"/>
        <source>This station has not been set up yet.</source>
        <translation>本所尚未初始化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="24"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="99"/>
        <source>You drafted this letter: another chief of the station approves it (four eyes).</source>
        <translation>该告诫书由您起草：须由本所另一位所长审批（双人审核）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="120"/>
        <source>The code %1 has a typing error: its last digit does not match the digits before it. Check the code on the sheet and type it again.</source>
        <translation>回访码 %1 有输入错误：最后一位校验码与前面的数字不符。请对照回访单上的编码重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="151"/>
        <source>Required for this incident type.</source>
        <translation>该类警情必须填写。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="152"/>
        <source>Enter a phone number, or the reason none was given.</source>
        <translation>请填写联系电话，或说明未提供电话的原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="155"/>
        <source>Too long: at most %1 characters.</source>
        <translation>内容过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="158"/>
        <source>Contains invisible control characters; retype the text.</source>
        <translation>包含不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="161"/>
        <source>An ID number has 18 characters.</source>
        <translation>身份证号应为18位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="162"/>
        <source>An ID number is 17 digits followed by a digit or X.</source>
        <translation>身份证号为17位数字加1位数字或X。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="165"/>
        <source>The birth date inside this ID number is not a real date.</source>
        <translation>身份证号中的出生日期无效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="168"/>
        <source>The first two digits are not a province code: check the number.</source>
        <translation>前两位不是省级行政区划代码，请核对号码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="171"/>
        <source>The birth year inside this ID number is before 1900, which is not plausible: check the number.</source>
        <translation>该身份证号中的出生年份早于1900年，不合常理，请核对号码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="176"/>
        <source>The birth date inside this ID number is after today: check the number.</source>
        <translation>该身份证号中的出生日期晚于今天，请核对号码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="179"/>
        <source>The check digit does not match: this ID number has a typing error.</source>
        <translation>校验码不符：身份证号有输入错误。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="182"/>
        <source>A phone number contains only digits, spaces and dashes.</source>
        <translation>电话号码只能包含数字、空格和短横线。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="185"/>
        <source>Not a valid phone number: 11-digit mobile, or area code and number.</source>
        <translation>电话号码格式不正确：应为11位手机号，或区号加座机号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="188"/>
        <source>This is a service number (such as 110 or 12345), not the reporter&apos;s own phone: enter a mobile, or a landline with its area code.</source>
        <translation>这是服务号码（如110、12345），不是报警人本人的电话：请填写手机号，或带区号的固定电话。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="193"/>
        <source>A name contains letters only (no digits or symbols).</source>
        <translation>姓名只能包含文字（不能有数字或符号）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="196"/>
        <source>Use the form YYYY-MM-DD HH:MM.</source>
        <translation>请按 年-月-日 时:分 格式填写，如 2024-01-02 22:00。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="197"/>
        <source>The incident time is in the future.</source>
        <translation>发案时间晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="200"/>
        <source>That day is in the future.</source>
        <translation>该日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="201"/>
        <source>Choose an incident type from the list.</source>
        <translation>请从列表中选择警情类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="204"/>
        <source>2 to 12 letters or digits.</source>
        <translation>2至12位字母或数字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="205"/>
        <source>3 to 12 letters or digits.</source>
        <translation>3至12位字母或数字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="206"/>
        <source>This badge number already has an account.</source>
        <translation>该警号已有账号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="209"/>
        <source>At least 8 characters.</source>
        <translation>至少8个字符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="210"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="211"/>
        <source>The new password must differ from the old one.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="214"/>
        <source>This is the last administrator account: add another administrator first.</source>
        <translation>这是最后一个管理员账号：请先添加另一名管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="217"/>
        <source>Choose a role from the list.</source>
        <translation>请从列表中选择角色。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="218"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="227"/>
        <source>StationDesk</source>
        <translation>StationDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="74"/>
        <source>Something unexpected went wrong. What was saved is safe and what you typed is kept as a draft. A report for the administrator was written to %1.</source>
        <translation>发生了意外错误。已保存的内容安全无虞，您输入的内容已存为草稿。给管理员的报告已写入 %1。</translation>
    </message>
</context>
<context>
    <name>MissingPanel</name>
    <message>
        <location filename="../../app/ui/intake_missing.py" line="34"/>
        <source>Nothing missing: Ctrl+S saves.</source>
        <translation>必填项已齐全：按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_missing.py" line="37"/>
        <source>Still missing</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_missing.py" line="43"/>
        <source>Phone, or why there is none</source>
        <translation>联系电话（或无电话原因）</translation>
    </message>
</context>
<context>
    <name>MonthLine</name>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="98"/>
        <source>This month: satisfaction %1, completion %2.</source>
        <translation>本月满意率 %1，完成率 %2。</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="315"/>
        <source>From HQ</source>
        <translation>总部下发</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="321"/>
        <source>No notices from HQ yet.</source>
        <translation>暂无总部通知。</translation>
    </message>
</context>
<context>
    <name>PdfPrint</name>
    <message>
        <location filename="../../app/ui/pdf_print.py" line="96"/>
        <source>StationDesk</source>
        <translation>StationDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_print.py" line="97"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_print.py" line="121"/>
        <source>Print preview...</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_print.py" line="122"/>
        <source>Save PDF...</source>
        <translation>另存为 PDF…</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="486"/>
        <source>Return visits: satisfaction and completion</source>
        <translation>回访满意率与完成率</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="501"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="502"/>
        <source>Visits due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="503"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="504"/>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="505"/>
        <source>Answers</source>
        <translation>有效答复</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="506"/>
        <source>Satisfied or basically</source>
        <translation>满意及基本满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="507"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="516"/>
        <source>Completion: visits due in the month that were done or refused. Satisfaction: satisfied plus basically satisfied, over all answers recorded in the month.</source>
        <translation>完成率：本月应回访中已回访或被拒绝回访的比例。满意率：本月录入的答复中&quot;满意&quot;与&quot;基本满意&quot;所占比例。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="522"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="547"/>
        <source>Station total</source>
        <translation>全所合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="549"/>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
</context>
<context>
    <name>ReceiveDesk</name>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="150"/>
        <source>Receive walk-in
(F2)</source>
        <translation>自接警
(F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="151"/>
        <source>Receive a walk-in report</source>
        <translation>自接警：接待来所报警</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="152"/>
        <source>Unfinished receipts</source>
        <translation>未完成登记的接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="155"/>
        <source>Received today</source>
        <translation>今日接警</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="155"/>
        <source>Completed</source>
        <translation>已完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="155"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="160"/>
        <source>Unfinished receipts - every one must be completed or accounted for</source>
        <translation>未完成登记的接报编号——每一个都必须补录或说明原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="164"/>
        <source>Serial</source>
        <translation>接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="165"/>
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="166"/>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="167"/>
        <source>Officer</source>
        <translation>接警民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="168"/>
        <source>Reason left unfinished</source>
        <translation>未完成原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="171"/>
        <source>Double-click a receipt, or Enter, to continue its intake.</source>
        <translation>双击未完成的接报编号（或选中后按回车），继续登记。</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="179"/>
        <source>Saved %1. Ctrl+P prints its receipt slip; Ctrl+F finds it again.</source>
        <translation>已保存 %1。按 Ctrl+P 打印回执，按 Ctrl+F 可再次查找。</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="172"/>
        <source>Reports and search (Ctrl+F)</source>
        <translation>警情查询 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="173"/>
        <source>Return visits (Ctrl+R)</source>
        <translation>回访（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="174"/>
        <source>Case files (Ctrl+K)</source>
        <translation>一案一档（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../app/ui/receive_desk.py" line="175"/>
        <source>Shift-end check</source>
        <translation>交班核对</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../app/ui/recovery_dialog.py" line="28"/>
        <source>StationDesk - recovery key</source>
        <translation>StationDesk - 恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_dialog.py" line="31"/>
        <source>This station&apos;s database is encrypted, and this computer does not hold its key. Type the recovery key from the sheet in the station safe (56 letters and digits; dashes, spaces and case do not matter).</source>
        <translation>本所数据库已加密，而本机没有其密钥。请输入所内保险柜中恢复密钥页上的密钥（56位字母和数字；短横线、空格和大小写均可忽略）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_dialog.py" line="41"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_dialog.py" line="43"/>
        <source>The system keyring is not available: open for this session only</source>
        <translation>系统钥匙串不可用：仅在本次运行中打开</translation>
    </message>
</context>
<context>
    <name>ReminderSheetDialog</name>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="137"/>
        <source>Receipt</source>
        <translation>签收反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="137"/>
        <source>Send receipt</source>
        <translation>提交签收反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="138"/>
        <source>Progress</source>
        <translation>过程反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="138"/>
        <source>Send progress</source>
        <translation>提交过程反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="139"/>
        <source>Result</source>
        <translation>结果反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="139"/>
        <source>Send result</source>
        <translation>提交结果反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="152"/>
        <source>Clear the sheet</source>
        <translation>清零</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="155"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="158"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="184"/>
        <source>Reminder sheet %1</source>
        <translation>提示单 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="187"/>
        <source>Issued by %1, deadline %2, status: %3</source>
        <translation>签发单位：%1，反馈期限：%2，状态：%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="193"/>
        <source>Reports: %1</source>
        <translation>关联警情：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="214"/>
        <source>the result must be fed back</source>
        <translation>须先提交结果反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="216"/>
        <source>a return visit must be done on one of its reports</source>
        <translation>须对关联警情完成一次回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="218"/>
        <source>The sheet cannot be cleared yet: %1.</source>
        <translation>暂不能清零：%1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="222"/>
        <source>Write the feedback first (at most 2000 characters).</source>
        <translation>请先填写反馈内容（不超过2000字）。</translation>
    </message>
</context>
<context>
    <name>ReminderSheets</name>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="33"/>
        <source>Issued</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="34"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="35"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="36"/>
        <source>Result fed back</source>
        <translation>已反馈结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="37"/>
        <source>Cleared</source>
        <translation>已清零</translation>
    </message>
</context>
<context>
    <name>ReminderSheetsView</name>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="49"/>
        <source>Show cleared sheets</source>
        <translation>显示已清零的提示单</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="54"/>
        <source>Sheet</source>
        <translation>提示单编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="55"/>
        <source>Issued by</source>
        <translation>签发单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="56"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="57"/>
        <source>Reports</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="58"/>
        <source>Deadline</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="60"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="92"/>
        <source>HQ</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="94"/>
        <source>station</source>
        <translation>本所</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminder_sheets_view.py" line="102"/>
        <source>%1 open reminder sheets, %2 past their deadline (escalated).</source>
        <translation>在办提示单 %1 份，超期 %2 份（已提级）。</translation>
    </message>
</context>
<context>
    <name>RepeatWarning</name>
    <message>
        <location filename="../../app/ui/intake_repeats.py" line="121"/>
        <source>Show all (%1 more)</source>
        <translation>全部显示（另有 %1 条）</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_repeats.py" line="124"/>
        <source>Show fewer</source>
        <translation>收起</translation>
    </message>
</context>
<context>
    <name>ReportDocuments</name>
    <message>
        <location filename="../../app/ui/report_documents.py" line="39"/>
        <source>Receipt slip %1</source>
        <translation>报警回执 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_documents.py" line="40"/>
        <source>Print the receipt slip for the reporter, or save it as PDF.</source>
        <translation>为报警人打印报警回执，或另存为 PDF。</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_documents.py" line="43"/>
        <source>Save receipt slip</source>
        <translation>保存报警回执</translation>
    </message>
</context>
<context>
    <name>ReportsBrowser</name>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="218"/>
        <source>Search reports</source>
        <translation>搜索警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="220"/>
        <source>Search: name, pinyin or initials, phone, ID number, address, summary, serial</source>
        <translation>搜索：姓名（可用拼音或首字母）、电话、身份证号、住址、简要案情、接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="223"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="231"/>
        <source>All types</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="236"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="241"/>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="281"/>
        <source>Reports</source>
        <translation>警情查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="265"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="346"/>
        <source>%1 reports</source>
        <translation>共 %1 条警情</translation>
    </message>
</context>
<context>
    <name>ReportsTableModel</name>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="91"/>
        <source>Serial</source>
        <translation>接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="92"/>
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="94"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="95"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="96"/>
        <source>Reporter</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="97"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="98"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="99"/>
        <source>Officer</source>
        <translation>接警民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="100"/>
        <source>At HQ</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="145"/>
        <source>This station is not linked to HQ</source>
        <translation>本所尚未接入总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="151"/>
        <source>HQ holds this report and every change to it</source>
        <translation>总部已收到本警情及其全部修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="153"/>
        <source>Not yet at HQ: will be sent at the next sync</source>
        <translation>尚未上报总部：下次同步时发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_browser.py" line="163"/>
        <source>%1 (lifted)</source>
        <translation>%1（已解除）</translation>
    </message>
</context>
<context>
    <name>RestoreWizard</name>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="36"/>
        <source>StationDesk - restore a backup</source>
        <translation>接警台 - 从备份恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="40"/>
        <location filename="../../app/ui/restore_wizard.py" line="83"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="42"/>
        <source>Choose the newest backup (.sdbackup) from the backup drive or folder.</source>
        <translation>请从备份盘或备份文件夹中选择最新的备份（.sdbackup）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="47"/>
        <source>Choose...</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="61"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="64"/>
        <source>Type the recovery key from the sheet in the station safe (not needed when this computer already holds the key).</source>
        <translation>请输入所里保险柜中恢复密钥单上的恢复密钥（本机已保存密钥时无需输入）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="101"/>
        <source>This is not a StationDesk backup with its description.</source>
        <translation>这不是带说明文件的接警台备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/restore_wizard.py" line="105"/>
        <source>Station %1, written %2, %3 reports.</source>
        <translation>单位 %1，备份于 %2，共 %3 条警情。</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <location filename="../../app/ui/session_lock.py" line="106"/>
        <source>Choose a new password to go on.</source>
        <translation>请设置新密码后继续。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="31"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="34"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="41"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="43"/>
        <source>Keep an intake open after it is saved</source>
        <translation>登记保存后保持打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="47"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="48"/>
        <source>Lock the screen after idle</source>
        <translation>闲置多久后锁屏</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="53"/>
        <source>A new language applies from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="72"/>
        <source>StationDesk</source>
        <translation>StationDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="73"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="26"/>
        <source>StationDesk - set up this station</source>
        <translation>StationDesk - 初始化本所</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="30"/>
        <source>Receiving unit</source>
        <translation>接报单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="33"/>
        <source>Every receipt is stamped with this unit. The unit code forms the serial numbers.</source>
        <translation>每一次接警都会记录该接报单位；单位代码构成接报编号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="36"/>
        <location filename="../../app/ui/setup_wizard.py" line="41"/>
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="37"/>
        <location filename="../../app/ui/setup_wizard.py" line="42"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="38"/>
        <location filename="../../app/ui/setup_wizard.py" line="43"/>
        <source>Parent bureau</source>
        <translation>上级分局</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="39"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="44"/>
        <source>Public phone for reporters *</source>
        <translation>群众咨询电话 *</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="45"/>
        <source>This station exists: restore it from a backup...</source>
        <translation>本所已有数据：从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="53"/>
        <source>First account</source>
        <translation>首个账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="55"/>
        <source>The first account is the station chief&apos;s; more officers can be added later.</source>
        <translation>首个账号为所长（带班领导）账号，其他民警账号可稍后添加。</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="57"/>
        <location filename="../../app/ui/setup_wizard.py" line="66"/>
        <location filename="../../app/ui/setup_wizard.py" line="81"/>
        <location filename="../../app/ui/setup_wizard.py" line="90"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="58"/>
        <location filename="../../app/ui/setup_wizard.py" line="67"/>
        <location filename="../../app/ui/setup_wizard.py" line="82"/>
        <location filename="../../app/ui/setup_wizard.py" line="91"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="63"/>
        <location filename="../../app/ui/setup_wizard.py" line="68"/>
        <location filename="../../app/ui/setup_wizard.py" line="87"/>
        <location filename="../../app/ui/setup_wizard.py" line="92"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="64"/>
        <location filename="../../app/ui/setup_wizard.py" line="69"/>
        <location filename="../../app/ui/setup_wizard.py" line="88"/>
        <location filename="../../app/ui/setup_wizard.py" line="93"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="73"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_wizard.py" line="76"/>
        <source>The administrator adds officers, resets forgotten passwords and unlocks accounts. This account handles no cases; give it to someone other than the chief where the station can.</source>
        <translation>管理员负责添加民警、重置遗忘的密码和解锁账号。该账号不办理警情；条件允许时应由所长以外的人担任。</translation>
    </message>
</context>
<context>
    <name>SheetPrinting</name>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="93"/>
        <location filename="../../app/ui/visit_printing.py" line="149"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="149"/>
        <source>Preparing visit sheets...</source>
        <translation>正在生成回访单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="164"/>
        <source>Sheet %1 of %2</source>
        <translation>第 %1 / %2 张</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="185"/>
        <source>%1 visit sheets are ready.</source>
        <translation>%1 张回访单已生成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="186"/>
        <source>Save visit sheets</source>
        <translation>保存回访单</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="188"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="189"/>
        <source>Open in viewer</source>
        <translation>用阅读器打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="218"/>
        <source>Printing...</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="218"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="235"/>
        <source>No printer is set up on this PC. Save the PDF or open it in the viewer and print from another PC.</source>
        <translation>本机未配置打印机。请保存为 PDF 或用阅读器打开，在其他电脑上打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="260"/>
        <source>Printing stopped after sheet %1 of %2. Check the printer, then resume from sheet %3?</source>
        <translation>打印在第 %1 / %2 张后中断。请检查打印机，是否从第 %3 张继续打印？</translation>
    </message>
</context>
<context>
    <name>ShiftEndView</name>
    <message>
        <location filename="../../app/ui/shift_end.py" line="47"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="49"/>
        <source>End of shift: back up now</source>
        <translation>交班：立即备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="59"/>
        <source>Serial</source>
        <translation>接报编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="60"/>
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="61"/>
        <source>Officer</source>
        <translation>接警民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="62"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="63"/>
        <source>Reporter</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="64"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="74"/>
        <source>Shift started at</source>
        <translation>本班开始时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="97"/>
        <source>%1 receipts drawn in this shift; %2 not completed.</source>
        <translation>本班次共领取 %1 个接报编号，其中 %2 个未完成登记。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shift_end.py" line="105"/>
        <source>NOT COMPLETED - no reason given</source>
        <translation>未完成登记——未说明原因</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/sign_in.py" line="21"/>
        <source>StationDesk - sign in</source>
        <translation>StationDesk - 民警登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="26"/>
        <location filename="../../app/ui/sign_in.py" line="36"/>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="29"/>
        <location filename="../../app/ui/sign_in.py" line="37"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="41"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="65"/>
        <source>Choose a new password to go on.</source>
        <translation>请设置新密码后继续。</translation>
    </message>
</context>
<context>
    <name>StartupChecks</name>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="85"/>
        <source>Print recovery key...</source>
        <translation>打印恢复密钥…</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="89"/>
        <source>Start recovery...</source>
        <translation>开始恢复…</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="119"/>
        <source>Checking the audit log...</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="131"/>
        <source>AUDIT CHECK FAILED: the database file was changed outside StationDesk (%1 problem(s); first: %2). Tell the station chief; do not delete anything.</source>
        <translation>审计校验未通过：数据库文件在 StationDesk 之外被改动（%1 处问题；第一处：%2）。请报告所长，不要删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="141"/>
        <source>The audit check could not run: %1</source>
        <translation>审计校验无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="150"/>
        <source>THE STATION DATABASE IS DAMAGED (%1). Records may be missing or unreadable. Restore the newest good backup; HQ then gives back what it lacks.</source>
        <translation>本所数据库已损坏（%1）。记录可能缺失或无法读取。请恢复最新的完好备份，缺少的部分将由总部补回。</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="167"/>
        <location filename="../../app/ui/startup_checks.py" line="182"/>
        <location filename="../../app/ui/startup_checks.py" line="192"/>
        <source>Recovery</source>
        <translation>数据恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="184"/>
        <source>No good backup was found in %1. Plug in the backup drive, or choose the folder under Account &gt; Backups, then try again.</source>
        <translation>在 %1 中没有找到完好的备份。请插入备份盘，或在“账号 &gt; 备份”中选择文件夹后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="194"/>
        <source>The newest good backup was written %1 and holds %2 reports. Restore it? The damaged file is kept aside; the next sync takes back from HQ what the backup lacks.</source>
        <translation>最新的完好备份写于 %1，包含 %2 条警情。恢复吗？损坏的文件会另行保留；下一次同步将从总部取回备份中缺少的记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="213"/>
        <source>The recovery key of this station&apos;s encrypted database has not been printed. Print it and keep it in the station safe: without it a new computer cannot open the records.</source>
        <translation>本所加密数据库的恢复密钥尚未打印。请打印并存放于所内保险柜：没有它，新电脑将无法打开记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="227"/>
        <source>Print recovery key</source>
        <translation>打印恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="229"/>
        <source>The recovery key was printed before. Print it again only if that sheet is lost; the reprint is recorded in the audit log.</source>
        <translation>恢复密钥此前已打印过。仅在原页遗失时才补打；补打会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../app/ui/startup_checks.py" line="240"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/ui/labels.py" line="95"/>
        <source>Unfinished intake</source>
        <translation>未完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="96"/>
        <source>Received</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="97"/>
        <source>In handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="98"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="99"/>
        <source>Referred</source>
        <translation>已分流移交</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="100"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>SupervisionView</name>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="109"/>
        <source>Received today</source>
        <translation>今日接警</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="110"/>
        <source>Received this week</source>
        <translation>本周接警</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="111"/>
        <source>Unfinished receipts</source>
        <translation>未完成登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="112"/>
        <source>Overdue visits</source>
        <translation>逾期回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="113"/>
        <source>Overdue case files</source>
        <translation>超期档案</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="114"/>
        <source>Overdue reminder sheets</source>
        <translation>超期提示单</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="115"/>
        <source>New repeats today</source>
        <translation>今日新增重复警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="116"/>
        <source>Letters awaiting approval</source>
        <translation>待审批告诫书</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="117"/>
        <source>Visits under rectification</source>
        <translation>整改督办中回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="127"/>
        <source>Today by type</source>
        <translation>今日分类警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="128"/>
        <source>This week by type</source>
        <translation>本周分类警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="129"/>
        <source>This week by status</source>
        <translation>本周办理状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="130"/>
        <source>Early-warning colours in force</source>
        <translation>在管五色预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="140"/>
        <source>Daily review (yesterday)</source>
        <translation>每日研判（昨日）</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="142"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="144"/>
        <source>Weekly report...</source>
        <translation>周研判报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="147"/>
        <source>Daily review...</source>
        <translation>每日研判…</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="173"/>
        <source>Supervision - %1</source>
        <translation>督导研判 - %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="210"/>
        <source>%1 reports received on %2</source>
        <translation>%2 接报警情 %1 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="214"/>
        <source>%1 new repeat reports</source>
        <translation>新增重复警情 %1 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="215"/>
        <source>%1 receipts still unfinished</source>
        <translation>未完成登记 %1 起</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="216"/>
        <source>%1 visits overdue</source>
        <translation>逾期回访 %1 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="217"/>
        <source>%1 case files past their deadline</source>
        <translation>超期档案 %1 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="218"/>
        <source>%1 reminder sheets past their deadline</source>
        <translation>超期提示单 %1 份</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="221"/>
        <source>%1 warning letters awaiting approval</source>
        <translation>待审批告诫书 %1 份</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="242"/>
        <location filename="../../app/ui/supervision_view.py" line="256"/>
        <source>Weekly report</source>
        <translation>周研判报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="244"/>
        <source>Week (2026-W47), month (2026-11), quarter (2026-Q4), year (2026) or days (2026-01-01..2026-03-31):</source>
        <translation>周（2026-W47）、月（2026-11）、季度（2026-Q4）、年（2026）或日期段（2026-01-01..2026-03-31）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervision_view.py" line="258"/>
        <source>%1 is not a period: write a week as 2026-W47, a month as 2026-11, a quarter as 2026-Q4, a year as 2026 or days as 2026-01-01..2026-03-31.</source>
        <translation>%1 不是有效的期间：周写作 2026-W47，月写作 2026-11，季度写作 2026-Q4，年写作 2026，日期段写作 2026-01-01..2026-03-31。</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="152"/>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="157"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="160"/>
        <source>Link to HQ...</source>
        <translation>接入总部…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="179"/>
        <source>(syncing...)</source>
        <translation>（正在同步…）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="193"/>
        <source>sync cannot run: %1</source>
        <translation>无法同步：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="201"/>
        <source>%1 new from HQ</source>
        <translation>总部新消息 %1 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="217"/>
        <source>, oldest %1 h</source>
        <translation>，最早一条已等待 %1 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="221"/>
        <source>, oldest under 1 h</source>
        <translation>，最早一条等待不足 1 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="226"/>
        <source>HQ: %1 waiting to send%2</source>
        <translation>待上报总部 %1 条%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="231"/>
        <source>HQ has every record</source>
        <translation>全部记录已上报总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="234"/>
        <source>HQ has not yet confirmed the records</source>
        <translation>总部尚未确认收到全部记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="238"/>
        <source>last contact %1</source>
        <translation>最近联通 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="243"/>
        <source>no contact yet</source>
        <translation>尚未联通总部</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="246"/>
        <source>%1 refused by HQ</source>
        <translation>总部拒收 %1 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="252"/>
        <source>PC clock is off by %1 min: check it</source>
        <translation>本机时钟偏差 %1 分钟，请校准</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="258"/>
        <source>last try failed: %1</source>
        <translation>上次同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="276"/>
        <source>HQ refused this station; ask HQ for a new enrolment code.</source>
        <translation>总部拒绝本所接入，请向总部申请新的接入码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="296"/>
        <source>this PC&apos;s keyring lacks the database key.</source>
        <translation>本机密钥环中没有数据库密钥。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="290"/>
        <source>the system keyring is not available.</source>
        <translation>系统密钥库不可用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="162"/>
        <source>Link with the one-time enrolment code HQ gives the station.</source>
        <translation>使用总部发给本所的一次性接入码接入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="208"/>
        <source>Not linked to HQ: records stay on this PC.</source>
        <translation>未接入总部：记录仅保存在本机。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="279"/>
        <source>HQ refuses this computer: another computer uses this station&apos;s identity. Receive on one computer only and call HQ; every record stays here.</source>
        <translation>总部拒收本机数据：另一台电脑正在使用本所的身份。请只在一台电脑上接警登记，并联系总部；所有记录均保留在本机。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="284"/>
        <source>HQ answered with an error; will retry by itself.</source>
        <translation>总部返回错误，将自动重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="287"/>
        <source>HQ holds less than it had confirmed; sending those records again.</source>
        <translation>总部现存记录少于其已确认的记录，正在重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="293"/>
        <source>the keyring here keeps secrets in a plain file; it is not used.</source>
        <translation>本机密钥环把机密保存在普通文件中，不予使用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="299"/>
        <source>this station is not linked to HQ.</source>
        <translation>本所尚未接入总部。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="302"/>
        <source>the HQ address is not secure (https).</source>
        <translation>总部地址不安全（须使用 https）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_panel.py" line="307"/>
        <source>HQ not reachable; will retry by itself.</source>
        <translation>暂时无法连接总部，将自动重试。</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../app/ui/user_guide.py" line="21"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeDialog</name>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="58"/>
        <source>Visit %1</source>
        <translation>回访 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="96"/>
        <source>Result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="98"/>
        <source>&amp;1 Visited</source>
        <translation>&amp;1 已回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="99"/>
        <source>&amp;2 Not reached</source>
        <translation>&amp;2 未联系上</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="100"/>
        <source>&amp;3 Refused</source>
        <translation>&amp;3 拒绝回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="105"/>
        <source>Problem solved?</source>
        <translation>问题是否解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="106"/>
        <source>Yes</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="106"/>
        <source>Partly</source>
        <translation>部分解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="106"/>
        <source>No</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="110"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="112"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="113"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="114"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="121"/>
        <source>e.g. no answer, phone off, moved away</source>
        <translation>如：无人接听、关机、已搬走</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="131"/>
        <source>What else is needed</source>
        <translation>还需要什么帮助</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="132"/>
        <source>Why not reached</source>
        <translation>未联系上原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="134"/>
        <source>Notes</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="187"/>
        <source>%1 - visit %2: %3, due %4</source>
        <translation>%1 — 第%2次回访：%3，应于 %4 前完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="195"/>
        <source>Report %1, %2</source>
        <translation>警情 %1，%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="201"/>
        <source>Early warning: %1</source>
        <translation>五色预警：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="210"/>
        <source>SAFE CONTACT: no phone calls; meet only where the other party cannot see.</source>
        <translation>安全联系：不得电话联系，只在对方当事人看不到的地方见面。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="217"/>
        <source>The outcome of this visit is already recorded.</source>
        <translation>该回访的结果已录入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="260"/>
        <source>Choose one.</source>
        <translation>请选择一项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_outcome.py" line="262"/>
        <source>Say why.</source>
        <translation>请说明原因。</translation>
    </message>
</context>
<context>
    <name>VisitQueueView</name>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="141"/>
        <source>Type or scan the visit code from a sheet</source>
        <translation>输入或扫描回访单上的回访编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="142"/>
        <location filename="../../app/ui/visit_queue.py" line="153"/>
        <source>Visit code</source>
        <translation>回访编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="144"/>
        <source>Record outcome</source>
        <translation>录入结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="161"/>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="171"/>
        <source>All kinds</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="176"/>
        <source>All incident types</source>
        <translation>全部警情类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="200"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="183"/>
        <location filename="../../app/ui/visit_queue.py" line="201"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="202"/>
        <source>Due</source>
        <translation>应回访日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="203"/>
        <source>Person</source>
        <translation>回访对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="204"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="205"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="182"/>
        <location filename="../../app/ui/visit_queue.py" line="206"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="207"/>
        <source>Report</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="59"/>
        <location filename="../../app/ui/visit_queue.py" line="181"/>
        <location filename="../../app/ui/visit_queue.py" line="208"/>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="218"/>
        <source>Assign to...</source>
        <translation>分配给…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="222"/>
        <source>Print selected sheets...</source>
        <translation>打印所选回访单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="225"/>
        <source>Print a day&apos;s route...</source>
        <translation>打印当日回访路线…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="230"/>
        <source>Satisfaction and completion...</source>
        <translation>满意率与完成率…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="233"/>
        <source>Add to care register...</source>
        <translation>登记特殊人群…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="184"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="250"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="276"/>
        <source>Overdue (%1)</source>
        <translation>已逾期（%1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="277"/>
        <source>Due today (%1)</source>
        <translation>今日应回访（%1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="278"/>
        <source>Coming 7 days (%1)</source>
        <translation>未来7天（%1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="304"/>
        <source>%1 overdue, %2 due today, %3 in the coming week.</source>
        <translation>已逾期 %1 个，今日应回访 %2 个，未来一周 %3 个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="311"/>
        <source>%1 dissatisfied answers under supervision.</source>
        <translation>%1 个不满意回访正在督办整改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="323"/>
        <source>safe contact - no calls</source>
        <translation>安全联系—不得电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="326"/>
        <source> (attempt %1)</source>
        <translation>（第%1次尝试）</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="330"/>
        <source>care register</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="392"/>
        <source>Outcome of %1 recorded.</source>
        <translation>已录入回访 %1 的结果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="394"/>
        <source>Follow-up visit created: %1.</source>
        <translation>已生成后续回访：%1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="407"/>
        <location filename="../../app/ui/visit_queue.py" line="413"/>
        <source>Assign</source>
        <translation>分配回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="407"/>
        <location filename="../../app/ui/visit_queue.py" line="438"/>
        <source>Select visits first.</source>
        <translation>请先选择回访。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="414"/>
        <source>Give %1 visits to:</source>
        <translation>将 %1 个回访分配给：</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="428"/>
        <source>%1 visits now with %2.</source>
        <translation>%1 个回访已分配给 %2。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="438"/>
        <location filename="../../app/ui/visit_queue.py" line="440"/>
        <source>Visit sheets</source>
        <translation>回访单</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="463"/>
        <source>Visit sheets are being prepared or printed: wait for them.</source>
        <translation>走访单正在生成或打印，请稍候。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="47"/>
        <source>Print a day&apos;s route</source>
        <translation>打印当日回访路线</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="58"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_printing.py" line="62"/>
        <source>Open visits due on that date or earlier, in route order.</source>
        <translation>该日及之前到期的未完成回访，按路线顺序排列。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="455"/>
        <source>Route</source>
        <translation>回访路线</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="456"/>
        <source>No open visits are due on or before %1.</source>
        <translation>%1 及之前没有到期的未完成回访。</translation>
    </message>
    <message>
        <location filename="../../app/ui/visit_queue.py" line="459"/>
        <source>Route %1</source>
        <translation>回访路线 %1</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <location filename="../../app/ui/labels.py" line="107"/>
        <source>on-site sign-off</source>
        <translation>现场签认</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="108"/>
        <source>phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="109"/>
        <source>home visit</source>
        <translation>上门回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="110"/>
        <source>meeting at a safe place</source>
        <translation>安全地点面访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="111"/>
        <source>further visit</source>
        <translation>不满意再回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="112"/>
        <source>care visit</source>
        <translation>特殊人群走访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="119"/>
        <source>Due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="120"/>
        <source>Done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="121"/>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="122"/>
        <source>Refused</source>
        <translation>拒绝回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="123"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="130"/>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="131"/>
        <source>basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="132"/>
        <source>dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="139"/>
        <source>Severe mental illness</source>
        <translation>严重精神障碍患者</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="140"/>
        <source>Elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="141"/>
        <source>Disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="142"/>
        <source>Family in hardship</source>
        <translation>困难家庭</translation>
    </message>
</context>
<context>
    <name>WarningLetterDialog</name>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="38"/>
        <source>Domestic-violence warning letter</source>
        <translation>家庭暴力告诫书</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="41"/>
        <source>Abuser</source>
        <translation>加害人</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="42"/>
        <source>Abuser&apos;s ID number</source>
        <translation>加害人身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="43"/>
        <source>Abuser&apos;s address</source>
        <translation>加害人住址</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="44"/>
        <source>Victim</source>
        <translation>受害人</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="45"/>
        <source>Relation</source>
        <translation>与加害人关系</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="46"/>
        <source>Facts found</source>
        <translation>查明事实</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="69"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="70"/>
        <location filename="../../app/ui/warning_letter_dialog.py" line="183"/>
        <location filename="../../app/ui/warning_letter_dialog.py" line="193"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="71"/>
        <source>Refuse...</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="72"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="73"/>
        <source>Mark served</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="81"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="119"/>
        <source>No letter yet: fill in the draft and save it for the station chief.</source>
        <translation>尚无告诫书：填写草稿并保存，提交所领导审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="120"/>
        <source>Draft by %1, awaiting the station chief&apos;s approval.</source>
        <translation>%1 起草，待所领导审批。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="121"/>
        <source>Refused: %2. Correct the draft and save it again.</source>
        <translation>已退回：%2。请修改后重新保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="123"/>
        <source>Approved by %3 on %4, serial %5: print it and serve it on the abuser.</source>
        <translation>%3 于 %4 批准，编号 %5：请打印并送达加害人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="125"/>
        <source>Serial %5, served %6. Follow-up visits are planned.</source>
        <translation>编号 %5，已于 %6 送达。已安排后续回访。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="185"/>
        <source>You drafted this letter and the station has no other chief. Why do you approve it yourself? (kept with the letter)</source>
        <translation>该告诫书由您起草，且本所没有其他所长。请说明由您本人审批的原因（随告诫书留存）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="195"/>
        <source>Approve this warning letter? It takes the next serial number of the year and can then be printed and served on the abuser. An approval cannot be undone.</source>
        <translation>审批该告诫书？审批后占用本年度下一个文号，随后可打印并送达加害人。审批不可撤销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="205"/>
        <source>Refuse</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../app/ui/warning_letter_dialog.py" line="205"/>
        <source>What must change?</source>
        <translation>需要修改什么？</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../app/ui/window_menus.py" line="25"/>
        <source>&amp;Desk</source>
        <translation>接警台(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="29"/>
        <source>Receive walk-in</source>
        <translation>自接警</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="30"/>
        <source>Print receipt slip</source>
        <translation>打印接报回执</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="31"/>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="32"/>
        <source>Reports</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="33"/>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="34"/>
        <source>Case files</source>
        <translation>一案一档</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="35"/>
        <source>Reminder sheets</source>
        <translation>重复警情提示单</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="36"/>
        <source>Care register</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="37"/>
        <source>Supervision</source>
        <translation>督导研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="38"/>
        <source>Shift end</source>
        <translation>交班核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="39"/>
        <source>Settings...</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="40"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="43"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="48"/>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="53"/>
        <source>Change password...</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="54"/>
        <source>Accounts...</source>
        <translation>账号管理…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="57"/>
        <source>Print recovery key...</source>
        <translation>打印恢复密钥…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="62"/>
        <source>Check audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="63"/>
        <source>Backups...</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="69"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="70"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="71"/>
        <location filename="../../app/ui/window_menus.py" line="117"/>
        <source>About StationDesk</source>
        <translation>关于 StationDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="102"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_menus.py" line="118"/>
        <source>StationDesk %1
Incident catalog %2</source>
        <translation>StationDesk %1
警情类别目录 %2</translation>
    </message>
</context>
</TS>

# 程序本身使用的消息（见 src/locale.rs 中的 CODE_MESSAGES）。
# Machine-assisted draft by the clearpath developers, not reviewed by a native speaker.

choice-yes = 是
choice-no = 否
choice-unsure = 我不确定
choice-dont-know = 我不知道
choice-prefer-not = 我不想说
choice-continue = 继续
choice-consent-agree = 好，继续
choice-consent-decline = 不，现在不
choice-no-code = 不用密码，谢谢
choice-submit = 发送我的回答
choice-change = 修改第 { $n } 个回答
choice-resume = 从上次停下的地方继续
choice-send-now = 现在发送
choice-tell-more = 告诉你们更多（大约 { $n } 个问题，{ $minutes } 分钟）
choice-send-told = 发送我已经说的内容
choice-tell-more-later = 告诉你们更多
choice-restart = 重新开始
choice-delete-confirm = 是，全部删除
choice-delete-cancel = 不，保留我的回答

answer-prefer-not = （不想说）
answer-dont-know = （不知道）
answer-skipped = （已跳过）
answer-none = —
answer-date-approx = 大约 { $date }
answer-date-month = { $year }年{ $month }
answer-date-day = { $year }年{ $month }{ $day }日

month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

help-text =
    如果您有危险，请打 911。
    如果想现在找人说说话，白天晚上任何时间都可以：全国反人口贩运热线（National Human Trafficking Hotline），打电话 1-888-373-7888，或发短信 HELP 到 233733。免费，保密，而且他们会说很多种语言。
help-commands =
    您随时可以使用这些：
    /back – 回到上一个问题
    /skip – 跳过一个问题（可以跳过的时候）
    /exit – 快速离开；您的回答会保留，等您回来
    /language – 换一种语言
    /delete – 从我们的系统中删除您的回答
    /help – 再看一次这些说明
    /exit 和 /delete 也会删除这个聊天里最近 48 小时的消息，包括您的和机器人的。更早的消息，机器人会把它自己的改成一段普通的文字；您自己更早的消息它动不了，但您可以在 Telegram 里自己删除这些消息，或删除整个聊天。

invalid-choice = 对不起，我没看明白。请选择其中一个选项。
invalid-choices = 请选择一个或多个选项。可以选几个，比如 1, 3。
invalid-number = 请输入一个数字，比如 19。
invalid-number-range = 请输入 { $min } 到 { $max } 之间的数字。
invalid-date = 我看不懂这个日期。只写年份就可以，比如 2014、“3月 2014” 或 “大约 2014”。
invalid-date-past = 这个日期好像是在将来。只写年份就可以，比如 2014。
invalid-date-future = 这个日期好像已经过去了。请再看一下，或者选择“我不知道”。
invalid-text-long = 这有点长。请不要超过 { $max } 个字。
invalid-text-empty = 请输入您的回答，或者选择其中一个选项。
invalid-jurisdiction = 我没认出这个州。您可以输入州名，比如“纽约”，或者两个字母的缩写，比如 NY。
invalid-stale = 这个按钮是之前一个问题的。我们现在到这里了：
invalid-code = 请输入您的密码。
cannot-skip = 这个问题不能跳过。您可以选择其中一个选项，或者输入 /exit 先停下来。
nothing-to-go-back-to = 这是第一个问题。
previous-answer = 您之前的回答：

review-intro =
    这是您告诉我们的全部内容。请看一下。
    您可以修改任何一个回答，或者把它们发出去。
review-group-item = 第 { $n } 件
review-empty = 您还没有回答任何问题。
review-type-number = 要修改某个回答，请输入它的编号。

resume-prompt = 欢迎回来。您想从上次停下的地方继续吗？
resume-prompt-sent = 欢迎回来。您之前告诉我们的内容已经发出去了。您想再告诉我们更多吗？会补充到您已经发送的内容里。
resume-code-ask = 请输入您的密码继续。
resume-code-set = 密码已设好。您回来时我们会问您要这个密码。
resume-code-again = 请再输入一次同样的密码，确认没有打错。
resume-code-mismatch = 两次输入的不一样，所以还没有设好密码。请再输入一次密码，或者选择“不用密码，谢谢”。
resume-code-wrong = 密码不对。请再试一次。
resume-code-locked = 试的次数太多了。请等 { $minutes } 分钟再试。
resume-code-too-short = 请至少用 { $min } 个字符，或者选择“不用密码，谢谢”。

delete-confirm =
    这会删除您告诉我们的所有内容，删除后不能恢复。
    如果您的回答已经发出去了，我们会请律师删除他们那份。您要删除吗？
delete-done = 您告诉我们的所有内容都已删除。
delete-cancelled = 什么都没有删除。

exit-done = 聊天已暂停。输入 /start 就可以回来。

language-prompt = 请选择语言 · Choose a language
language-changed = 好的。

already-submitted = 您的回答已经发出去了。会有人按照您选择的方式联系您。您可以开始一段新的对话，或者输入 /delete 删除这里保存的内容。
multi-instructions = 可以选不止一个。
console-free-input-choices = 请输入您的回答，或者输入下面其中一个：
jurisdiction-other = 其他州
not-started = 输入 /start 开始。
# 在运营方设置机构名称之前，$org 用这个。
org-name = 法律援助机构
error-storage =
    对不起，我们这边出了问题，现在没法继续这段对话。您可以输入 /delete 重新开始。
    紧急情况请打 911。如果想现在找人说说话：打电话 1-888-373-7888，或发短信 HELP 到 233733。
error-retry = 对不起，您刚才那条消息我们这边出了问题。请再发一次。

# 机器人的命令菜单：用中性的词，因为任何人都可能看到菜单。
menu-start = 开始
menu-back = 返回
menu-help = 帮助
menu-language = 语言
menu-exit = 关闭
menu-delete = 删除
# 在 Telegram 中发送多选回答的按钮。
choice-done = 完成 ✓
# Telegram 一页一页地显示长列表：这些按钮用来翻页。
choice-page-more = 更多 ▶
choice-page-back = ◀ 返回
# Telegram 中的回顾页面：打开回答列表（一页一页地），选一个来修改。
choice-change-some = 修改一个回答

# 律师接手案子时发一次，只在当事人选择用这个聊天联系时发。任何人都可能看到手机：
# 不提法律、记录或机构。
notify-accepted = 您好，又是我们。很快会有人按照您选择的方式联系您。您随时可以输入 /delete 删除这里保存的内容。
notify-not-taken =
    您好，又是我们。
    我们没能及时找到可以接手的律师，所以按照我们之前说的，您告诉我们的内容已经删除了。您随时可以输入 /start 重新开始。
    如果想现在找人说说话，白天晚上都可以：打电话 1-888-373-7888，或发短信 HELP 到 233733。紧急情况请打 911。

# Under each question: how far along the survivor is ($total is an estimate).
progress = 第 { $n } 题，共约 { $total } 题

# flows/intake.toml 的消息。每个保存回答的问题都有一个 `.short` 属性：
# 它在回顾和给律师的摘要中的名称。

q-language = 请选择语言 · Choose a language

q-safety = 您好。您现在聊天安全吗？
hint-safety = 如果有人走近，随时输入 /exit。它会删除这个聊天里最近 48 小时的消息，您以后还可以接着聊。
opt-safety-safe = 安全，我现在可以聊
opt-safety-not-now = 现在不方便

q-device = 还有别人用或者查看这部手机吗？
opt-device-only-me = 没有，只有我
opt-device-others = 有，别人可能会看到
opt-device-not-sure = 我不确定

info-device-tips =
    谢谢您告诉我们。有几件事可能有帮助：
    • 随时输入 /exit 可以快速离开。它会删除这个聊天里最近 48 小时的消息；/help 会说明具体删除哪些。
    • 如果您在回答前几个问题之后选择告诉我们更多，到时可以设一个密码，这样别人就打不开您的回答。
    • 手机锁屏时，通知可能会显示消息的开头。在 Telegram 的设置（通知和声音）里，您可以关掉消息预览。
    • 如果可以，请用只有您自己用的手机或电脑，或者图书馆、援助人员办公室里的电脑。
    这由您决定。如果您愿意，现在就可以继续。

q-consent =
    开始之前，请读一下这段话。不长。

    • 这是由{ $org }运行的自动助手。它不是律师，这里说的都不是法律意见。回答这些问题，并不代表已经有律师代表您。
    • { $org }的律师或援助人员会看您的回答，并且只用您说安全的方式联系您。
    • 您的回答会加密保存。如果您没有做完就停下，{ $abandoned_days } 天后会删除。如果 { $waiting_days } 天内没有律师接手，到时也会删除。律师接手以后，我们只保留一份锁住的副本，{ $delivered_days } 天后删除。
    • 已经发给律师的副本收不回来，但您可以请律师删除。
    • 这个聊天在 Telegram 上进行，不是端到端加密的：Telegram 能看到这里写的内容，任何打开这部手机或您 Telegram 账号的人也能看到。请不要写别人的名字，也不要写您经历了什么：我们帮您不需要这些。
    • 这不是紧急服务。如果您有危险，请打 911。如果想现在找人说说话，请打全国反人口贩运热线（National Human Trafficking Hotline）1-888-373-7888，或发短信 HELP 到 233733。
    • 您可以跳过问题、返回上一步、用 /exit 停下，也可以用 /delete 删除所有内容。
    • 发送律师回电所需的几个回答，大约需要 { $short_minutes } 分钟。全部说完大约需要 { $full_minutes } 分钟。您可以先发送，其余的以后再说。

    您想继续吗？

q-resume-code = 您想设一个密码吗？如果您离开后再回来，我们会问您要这个密码，这样拿到您手机的其他人就不能查看或修改您的回答。请输入一个您记得住的密码（至少 4 个字符），或者选择“不用密码，谢谢”。
hint-resume-code = 不要用别人知道的密码，比如生日。

q-preferred-name = 您希望我们怎么称呼您？不一定要用您证件上的名字。
    .short = 称呼

q-preferred-term = 说到您经历的事，您希望我们用什么说法？
    .short = 用词
hint-preferred-term = 您不需要告诉我们发生了什么。这只是帮我们用您觉得合适的说法。
opt-term-trafficking = “被贩运”
opt-term-exploitation = “被剥削”
opt-term-forced-work = “被强迫干活”
opt-term-what-happened = 就说“发生的事”

q-nexus-all =
    有一个问题，想把它们全部放在一起问。
    请想一想您的每一次逮捕或定罪，包括您告诉我们的那一件和其他任何一件：这些事是在有人逼迫、欺骗或向您施压的时候发生的吗？或者是因为那种处境才发生的吗？
    .short = 与被贩运有关（每一件）
opt-nexus-all = 是，全部都是
opt-nexus-some = 有一些是，不是全部
opt-nexus-none = 不是

group-case = 第 { $n } 件

q-case-state =
    { $n ->
        [1] 接下来是几个关于过去的问题。慢慢来，不着急。
            您是在哪个州被逮捕或被定罪的？如果不止一次，先从其中一次开始：其他的以后可以再加。如果是在联邦法院，请选“联邦”。
       *[other] 谢谢。接下来是下一个。
            这一次是在哪个州？如果是在联邦法院，请选“联邦”。
    }
    .short = 州
hint-case-state =
    您可以输入州名，比如“纽约”，或者从下面选一个。
    不确定自己有没有记录？请选“我不知道”：律师可以帮您查清楚。

q-case-county =
    如果您记得，是在哪个县或哪个城市？
    写法院的名字也可以。
    .short = 县或法院

q-case-category =
    是关于什么的？请选最接近的一个。
    我们指的是罪名（被指控的事），就您所知道的。
    .short = 罪名类型
hint-case-category =
    不确定也没关系。
    律师以后可以查到准确的罪名。
opt-cat-prostitution = 卖淫、招揽卖淫，或为卖淫在街上逗留
opt-cat-loitering = 在街上逗留或流浪
opt-cat-trespass = 擅自进入别人的地方
opt-cat-disorderly = 扰乱秩序，或拒捕
opt-cat-theft = 偷窃或在商店偷东西
opt-cat-fraud = 诈骗、伪造，或假证件
opt-cat-drug-possession = 持有毒品
opt-cat-drug-sale = 卖毒品或替别人带毒品
opt-cat-weapons = 持有武器
opt-cat-promoting = 介绍、组织卖淫，或招人
opt-cat-burglary = 入室盗窃或破门进入
opt-cat-robbery = 抢劫
opt-cat-assault = 打人或打架
opt-cat-property = 损坏财物
opt-cat-driving = 开车或交通方面
opt-cat-immigration = 移民方面
opt-cat-other = 其他

q-case-charge =
    如果您记得，它叫什么？
    只要罪名的名称，比如“在街上逗留”，用您自己的话说就可以。请不要写发生了什么：我们不需要这些。
    .short = 罪名（本人的说法）

q-case-outcome = 这件事最后是怎么结束的？
    .short = 结果
opt-outcome-conviction = 我被定罪了，或者我认罪了
opt-outcome-deferred = 参加了一个项目、暂缓判决，或转处计划（完成要求后可以不定罪）
opt-outcome-dismissed = 案子被撤销了，或者判我无罪
opt-outcome-arrest-only = 我被逮捕了，但从来没有被起诉
opt-outcome-pending = 还没有结束
opt-outcome-juvenile = 是在少年法庭

q-case-final-charge =
    到最后，换成了别的事吗？如果是，是什么？用您自己的话说就可以。
    我们指的是您最后被定罪的罪名，如果它不是一开始的罪名。
    .short = 最后的罪名

q-case-level =
    如果您知道，这件事有多严重？
    是轻罪（misdemeanor）还是重罪（felony）？
    .short = 严重程度
hint-case-level =
    从最轻到最重：
    违规或违章（violation 或 infraction，比如罚单），然后是轻罪（misdemeanor），然后是重罪（felony）。
opt-level-violation = 违规或违章（violation 或 infraction）
opt-level-misdemeanor = 轻罪（misdemeanor）
opt-level-felony = 重罪（felony）

q-case-date =
    大概是什么时候？
    我们指的是您被逮捕的时间。
    .short = 被捕时间
hint-dates = 只写年份就可以，比如 2014 或 “大约 2014”。

q-case-conviction-date = 这件事大概是什么时候结束的？
    .short = 结束时间

q-case-sentence-done =
    为这件事要求您做的事，您都做完了吗？
    比如法院判的坐牢、缓刑（在监督下生活一段时间）、罚款或上课。
    .short = 判决已完成
hint-case-sentence-done =
    我们问这个，是因为这会影响有哪些办法可用。
    有些清除记录的办法，要等法院要求的事全部完成后才能用，有些则不用等。

q-case-nexus = 这一件是在有人逼迫、欺骗或向您施压的时候发生的吗？或者是因为那种处境才发生的吗？
    .short = 与被贩运有关
hint-case-nexus =
    您不需要告诉我们发生了什么。
    以后律师可能会再问，只在您愿意的时候。

q-case-harm =
    它有没有提到下面这些？请选所有符合的。
    我们指的是罪名，就您所知道的。
    .short = 暴力、武器或受伤
hint-case-harm =
    我们问这个，是因为有些法律对这些情况有不同的规定。
    很多人仍然可以得到帮助。
opt-harm-violence = 有人被威胁或被攻击
opt-harm-weapon = 涉及武器
opt-harm-injury = 有人受伤
opt-harm-none = 都没有

q-case-age = 那时您大概几岁？
    .short = 当时年龄
hint-case-age = 我们问这个，是因为如果事情发生在您 18 岁以前，规定可能会不一样。

q-case-docket =
    如果您有案件编号，可以在这里输入。跳过也没关系。
    它也可能叫案卷号（docket number）。
    .short = 案件编号

q-case-another =
    谢谢您。还有别的想告诉我们的吗？
    任何其他的逮捕或定罪，任何时候的都算。
    .short = 另一件
opt-another-yes = 有，还有一件
opt-another-no = 没有了，就这些

q-other-names = 这些案子里有没有用过别的名字，或者名字的写法不一样？
    .short = 用过别的名字
hint-other-names =
    现在不需要写出那个名字。
    我们问这个，是为了让律师知道去哪里找。

q-still-in-situation =
    首先，关于您的安全。
    现在还有人在向您施压或控制您吗？
    .short = 仍在那种处境中

info-still-in-situation =
    谢谢您告诉我们。您应该得到安全。
    如果您想现在找人说说话，任何时间都可以：打电话 1-888-373-7888，或发短信 HELP 到 233733。如果您有危险，请打 911。
    随时输入 /exit 可以快速离开。只有在您愿意的时候，我们才继续。

q-situation-ended = 那种处境大概是什么时候结束的？
    .short = 处境结束时间
hint-situation-ended =
    只写年份就可以，比如 2014 或 “大约 2014”。
    我们问这个，是因为在有些州，向法院申请的期限是从那种处境结束时开始算的。

q-later-convictions =
    还有一个关于过去的问题。
    从那以后，您有没有因为别的事被定罪过？
    .short = 之后的定罪
hint-later-convictions =
    我们问这个，是因为这会影响有哪些办法可用。
    有些清除记录的办法会看之后发生的事。不管答案是什么，律师也许仍然可以帮助您。

q-pending =
    您现在还有没有什么事没有了结？
    比如法院里还没结束的案子，或者逮捕令（warrant）。
    .short = 未结案件或逮捕令
hint-pending =
    我们问这个，是为了和您一起做安排。
    还没结束的案子有时需要另一种律师。

q-documents = 您有下面这些文件吗？请选所有符合的。
    .short = 持有的文件
hint-documents = 申请帮助不需要这些文件。有的话会更容易一些。
opt-doc-t-visa = T 签证（T visa）
opt-doc-u-visa = U 签证（U visa）
opt-doc-continued-presence = 继续居留许可（Continued Presence）
opt-doc-hhs-letter = HHS（美国卫生与公众服务部）发的资格信
opt-doc-law-enforcement = 警察或检察官写的信
opt-doc-service-provider = 庇护所、援助人员或心理咨询师写的信
opt-doc-court-records = 我案子的法院文件
opt-doc-none = 都没有

q-citizenship = 您是美国公民吗？
    .short = 公民身份
hint-citizenship =
    我们问这个，是因为这会影响哪些办法适合您。
    有些清除记录的办法，对移民的影响不一样。只有帮您处理案子的人会看到您的回答。
opt-cit-citizen = 是，我是美国公民
opt-cit-permanent-resident = 我有绿卡
opt-cit-other-status = 我有别的签证或身份
opt-cit-no-status = 我现在没有身份

q-immigration-court =
    您最近有快到的听证日期（hearing）吗？
    我们指的是移民法庭的听证。
    .short = 移民法庭日期

q-immigration-court-date = 如果您知道，是哪一天？
    .short = 移民法庭开庭日

q-urgent =
    最近有没有快到期限的事？
    比如出庭日期、一份工作或住房申请。
    .short = 紧急期限
hint-urgent = 如果有急事，我们会确保先处理。

q-urgent-date = 是哪一天？
    .short = 期限日期

q-record-consent =
    一个关于许可的问题。
    律师可以向州政府和 FBI（美国联邦调查局）要您的犯罪记录，好找到所有的案子吗？律师做任何事之前都会先问您。
    .short = 可以调取记录
hint-record-consent =
    不记得每一件案子也没关系。
    记录可以帮律师找到它们。

q-contact-method =
    我们怎样才能安全地联系您？请选所有安全的方式。
    这是给{ $org }的工作人员用的。
    .short = 安全的联系方式
hint-contact-method = 我们只用您选的方式。消息里不会说是关于什么事。
opt-contact-this-chat = 这里，就在这个聊天里
opt-contact-phone = 打电话
opt-contact-text = 发短信
opt-contact-email = 电子邮件
opt-contact-advocate = 通过我的援助人员或社工

q-contact-details = 我们应该用哪个电话号码、邮箱或援助人员？只在安全的情况下再写。
    .short = 联系信息
hint-contact-details = 您可以跳过这个，以后再告诉工作人员。

q-contact-time = 什么时候联系您是安全的？比如“工作日晚上 6 点以后”。
    .short = 安全的时间

q-review = 快完成了。

q-send-choice =
    谢谢您。这些已经足够让人跟您联系了。
    您可以现在就发送：律师打电话给您时会再问其余的问题。您也可以现在告诉我们更多，这能帮助律师提前准备。两种都可以。
    以下是您告诉我们的内容：

end-done = 谢谢您。您的回答已经发出去了。会有人按照您选择的方式联系您。紧急情况请打 911；需要其他帮助，请输入 /help。

end-sent-early = 谢谢您。您告诉我们的内容已经发出去了。会有人按照您选择的方式联系您。以后想补充，请输入 /start。紧急情况请打 911；需要其他帮助，请输入 /help。

end-later = 没关系。您想继续的时候，随时输入 /start。紧急情况请打 911；需要其他帮助，请输入 /help。

end-declined = 没关系，您输入的内容都没有保存。如果您改变主意，请输入 /start。紧急情况请打 911；需要其他帮助，请输入 /help。

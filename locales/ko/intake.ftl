# flows/intake.toml의 메시지. 답을 보관하는 질문마다 `.short` 속성이 있습니다:
# 확인 화면과 변호사에게 가는 요약에서 쓰는 이름입니다.

q-language = 언어를 고르세요 · Choose a language

q-safety = 안녕하세요. 지금 채팅하셔도 안전한가요?
hint-safety = 누군가 가까이 오면 언제든지 /exit를 입력하세요. 이 채팅에서 최근 48시간 동안의 메시지가 지워지고, 나중에 이어서 하실 수 있습니다.
opt-safety-safe = 예, 지금 채팅할 수 있습니다
opt-safety-not-now = 지금은 안 됩니다

q-device = 이 휴대폰을 다른 사람도 쓰거나 확인하나요?
opt-device-only-me = 아니요, 저만 씁니다
opt-device-others = 예, 다른 사람이 볼 수도 있습니다
opt-device-not-sure = 잘 모르겠습니다

info-device-tips =
    알려 주셔서 감사합니다. 도움이 될 수 있는 몇 가지:
    • 빨리 나가시려면 언제든지 /exit를 입력하세요. 이 채팅에서 최근 48시간 동안의 메시지가 지워집니다. 정확히 무엇이 지워지는지는 /help에서 볼 수 있습니다.
    • 처음 몇 가지 질문 뒤에 더 말씀해 주시기로 하면, 그때 비밀번호를 정하실 수 있습니다. 그러면 다른 사람이 답변을 열어 볼 수 없습니다.
    • 잠금 화면의 알림에 메시지 앞부분이 보일 수 있습니다. Telegram 설정(알림 및 소리)에서 메시지 미리보기를 끌 수 있습니다.
    • 가능하다면 본인만 쓰는 휴대폰이나 컴퓨터, 또는 도서관이나 지원 담당자 사무실의 컴퓨터를 쓰세요.
    선택은 본인에게 달려 있습니다. 원하시면 지금 계속하셔도 됩니다.

q-consent =
    시작하기 전에 이 글을 읽어 주세요. 짧습니다.

    • 이것은 { $org }에서 운영하는 자동 도우미입니다. 변호사가 아니며, 여기 나오는 어떤 내용도 법률 조언이 아닙니다. 답을 하셨다고 해서 누군가가 바로 본인의 변호사가 되는 것은 아닙니다.
    • { $org }의 변호사나 지원 담당자가 답변을 읽고, 본인이 안전하다고 하신 방법으로만 연락드립니다.
    • 답변은 암호화되어 저장됩니다. 끝내지 않고 그만두시면 { $abandoned_days }일 뒤에 지워집니다. { $waiting_days }일 안에 맡겠다는 변호사가 없으면 그때 지워집니다. 변호사가 맡으면 잠긴 사본 하나만 보관하고, 그것도 { $delivered_days }일 뒤에 지워집니다.
    • 이미 변호사에게 보낸 사본은 되돌려 받을 수 없지만, 변호사에게 지워 달라고 요청하실 수 있습니다.
    • 이 채팅은 Telegram에서 이루어지며 종단간 암호화가 되어 있지 않습니다. 여기 쓴 내용은 Telegram이 볼 수 있고, 이 휴대폰이나 본인의 Telegram 계정을 여는 사람도 볼 수 있습니다. 다른 사람의 이름이나 본인에게 있었던 일은 쓰지 말아 주세요. 도와드리는 데 필요하지 않습니다.
    • 이것은 긴급 서비스가 아닙니다. 위험한 상황이면 911에 전화하세요. 지금 누군가와 이야기하고 싶다면, 전국 인신매매 핫라인(National Human Trafficking Hotline)에 1-888-373-7888로 전화하거나 233733번으로 HELP라고 문자 메시지를 보내세요.
    • 질문을 건너뛰거나, 뒤로 가거나, /exit로 멈추거나, /delete로 모두 지우실 수 있습니다.
    • 변호사가 다시 연락드리는 데 필요한 몇 가지 답변을 보내는 데는 약 { $short_minutes }분이 걸립니다. 모두 말씀하시려면 약 { $full_minutes }분이 걸립니다. 먼저 보내시고 나머지는 나중에 말씀하셔도 됩니다.

    계속하시겠습니까?

q-resume-code = 비밀번호를 정하시겠습니까? 나가셨다가 다시 오시면 비밀번호를 여쭤봅니다. 그러면 휴대폰을 가진 다른 사람이 답변을 보거나 바꿀 수 없습니다. 기억하기 쉬운 비밀번호를 입력하시거나(4자 이상), "비밀번호 없이 할게요"를 골라 주세요.
hint-resume-code = 생일처럼 다른 사람이 아는 비밀번호는 쓰지 마세요.

q-preferred-name = 어떻게 불러 드릴까요? 서류상 이름이 아니어도 됩니다.
    .short = 불러 드릴 이름

q-preferred-term = 본인에게 있었던 일을 어떤 말로 이야기하면 좋을까요?
    .short = 쓸 말
hint-preferred-term = 무슨 일이 있었는지 말씀하지 않으셔도 됩니다. 본인에게 편한 말을 쓰기 위해 여쭤보는 것입니다.
opt-term-trafficking = "인신매매를 당한 일"
opt-term-exploitation = "착취를 당한 일"
opt-term-forced-work = "강제로 일하게 된 일"
opt-term-what-happened = 그냥 "있었던 일"

q-nexus-all =
    모든 건에 대해 한꺼번에 여쭤보는 질문이 하나 있습니다.
    말씀해 주신 건과 그 밖의 다른 건까지, 본인의 모든 체포나 유죄 판결을 생각해 주세요. 그 일들은 누군가 본인을 강요하거나, 속이거나, 압박하던 동안에 있었습니까? 아니면 그 상황 때문에 있었습니까?
    .short = 인신매매와의 관련 (모든 건)
opt-nexus-all = 예, 모두 그렇습니다
opt-nexus-some = 일부만 그렇습니다
opt-nexus-none = 아니요

group-case = 사건 { $n }

q-case-state =
    { $n ->
        [1] 이제 과거에 대해 몇 가지 여쭤보겠습니다. 천천히 하셔도 됩니다.
            어느 주에서 체포되거나 유죄 판결을 받으셨습니까? 여러 번이었다면 한 건부터 시작하세요. 나머지는 나중에 추가하실 수 있습니다. 연방 법원이었다면 "연방"을 고르세요.
       *[other] 감사합니다. 이제 다음 건입니다.
            이번 건은 어느 주였습니까? 연방 법원이었다면 "연방"을 고르세요.
    }
    .short = 주
hint-case-state =
    "뉴욕"처럼 주 이름을 입력하시거나, 아래에서 고르셔도 됩니다.
    기록이 있는지 잘 모르시겠다면 "모릅니다"를 고르세요. 변호사가 알아볼 수 있습니다.

q-case-county =
    기억나신다면, 어느 카운티나 도시였습니까?
    법원 이름을 써 주셔도 됩니다.
    .short = 카운티 또는 법원

q-case-category =
    무엇에 관한 것이었습니까? 가장 가까운 것을 골라 주세요.
    아시는 만큼, 혐의(어떤 죄로 걸렸는지)를 말하는 것입니다.
    .short = 혐의 종류
hint-case-category =
    잘 모르셔도 괜찮습니다.
    변호사가 나중에 정확한 혐의를 찾아볼 수 있습니다.
opt-cat-prostitution = 성매매, 성매매 권유, 또는 성매매 목적의 배회
opt-cat-loitering = 배회 또는 부랑
opt-cat-trespass = 무단 침입
opt-cat-disorderly = 공공질서 문란, 또는 체포 저항
opt-cat-theft = 절도 또는 가게 물건 훔치기
opt-cat-fraud = 사기, 위조, 또는 가짜 신분증
opt-cat-drug-possession = 마약 소지
opt-cat-drug-sale = 마약을 팔거나 남을 위해 운반
opt-cat-weapons = 무기 소지
opt-cat-promoting = 성매매 알선 또는 다른 사람 모집
opt-cat-burglary = 주거 침입 절도 또는 문을 부수고 들어감
opt-cat-robbery = 강도
opt-cat-assault = 폭행 또는 싸움
opt-cat-property = 재물 손괴
opt-cat-driving = 운전 또는 교통
opt-cat-immigration = 이민
opt-cat-other = 그 밖의 것

q-case-charge =
    기억나신다면, 그것을 뭐라고 불렀습니까?
    "배회"처럼 혐의의 이름만 본인의 말로 써 주세요. 무슨 일이 있었는지는 쓰지 말아 주세요. 그 내용은 필요하지 않습니다.
    .short = 혐의 (본인의 말)

q-case-outcome = 이 건은 어떻게 끝났습니까?
    .short = 결과
opt-outcome-conviction = 유죄 판결을 받았거나 유죄를 인정했습니다
opt-outcome-deferred = 프로그램, 선고 유예, 또는 다이버전(처벌 대신 프로그램을 마치는 제도)
opt-outcome-dismissed = 기각되었거나 무죄 판결을 받았습니다
opt-outcome-arrest-only = 체포되었지만 기소되지는 않았습니다
opt-outcome-pending = 아직 끝나지 않았습니다
opt-outcome-juvenile = 소년 법원에서 있었습니다

q-case-final-charge =
    결국에는 다른 것으로 바뀌었습니까? 그렇다면 무엇이었습니까? 본인의 말로 쓰셔도 됩니다.
    처음 혐의와 다르다면, 최종적으로 유죄 판결을 받은 혐의를 말하는 것입니다.
    .short = 최종 혐의

q-case-level =
    아신다면, 얼마나 무거운 것이었습니까?
    경범죄(misdemeanor)였습니까, 중범죄(felony)였습니까?
    .short = 등급
hint-case-level =
    가벼운 것부터 무거운 것 순서로:
    가벼운 위반(violation 또는 infraction, 딱지 같은 것), 그다음 경범죄(misdemeanor), 그다음 중범죄(felony).
opt-level-violation = 가벼운 위반(violation 또는 infraction)
opt-level-misdemeanor = 경범죄(misdemeanor)
opt-level-felony = 중범죄(felony)

q-case-date =
    대략 언제였습니까?
    체포되신 때를 말하는 것입니다.
    .short = 체포된 때
hint-dates = 2014나 "약 2014"처럼 연도만 써도 됩니다.

q-case-conviction-date = 그 건은 대략 언제 끝났습니까?
    .short = 끝난 때

q-case-sentence-done =
    그 일로 하라고 한 것을 모두 마치셨습니까?
    예를 들어 법원이 명령한 수감, 보호관찰(감독을 받으며 지내는 기간), 벌금, 수업 같은 것입니다.
    .short = 형 이행 완료
hint-case-sentence-done =
    이에 따라 선택할 수 있는 방법이 달라질 수 있어서 여쭤봅니다.
    기록을 지우는 방법 중에는 법원이 명령한 것을 모두 마쳐야만 쓸 수 있는 것도 있고, 그렇지 않은 것도 있습니다.

q-case-nexus = 이 건은 누군가 본인을 강요하거나, 속이거나, 압박하던 동안에 있었습니까? 아니면 그 상황 때문에 있었습니까?
    .short = 인신매매와의 관련
hint-case-nexus =
    무슨 일이 있었는지 말씀하지 않으셔도 됩니다.
    원하실 때에만, 변호사가 나중에 더 여쭤볼 수 있습니다.

q-case-harm =
    다음 중 그 내용에 들어 있던 것이 있습니까? 해당하는 것을 모두 골라 주세요.
    아시는 만큼, 혐의를 말하는 것입니다.
    .short = 폭력, 무기 또는 부상
hint-case-harm =
    어떤 법은 이런 경우를 다르게 다루기 때문에 여쭤봅니다.
    그래도 많은 분들이 도움을 받을 수 있습니다.
opt-harm-violence = 누군가 위협이나 공격을 받았습니다
opt-harm-weapon = 무기가 있었습니다
opt-harm-injury = 누군가 다쳤습니다
opt-harm-none = 해당 없음

q-case-age = 그때 대략 몇 살이셨습니까?
    .short = 그때 나이
hint-case-age = 18세 이전에 있었던 일에는 규칙이 다를 수 있어서 여쭤봅니다.

q-case-docket =
    사건 번호가 있으시면 여기에 입력하셔도 됩니다. 건너뛰셔도 괜찮습니다.
    도켓 번호(docket number)라고 부르기도 합니다.
    .short = 사건 번호

q-case-another =
    감사합니다. 더 말씀하고 싶은 건이 있습니까?
    언제였든 다른 체포나 유죄 판결이 있다면요.
    .short = 다른 건
opt-another-yes = 예, 하나 더 있습니다
opt-another-no = 아니요, 그게 전부입니다

q-other-names = 이 건들 중에 다른 이름이나 다른 철자로 된 것이 있습니까?
    .short = 다른 이름으로 된 건
hint-other-names =
    지금 그 이름을 쓰지 않으셔도 됩니다.
    변호사가 어디를 찾아봐야 할지 알 수 있도록 여쭤보는 것입니다.

q-still-in-situation =
    먼저, 본인의 안전에 대해 여쭙겠습니다.
    지금도 누군가 본인을 압박하거나 통제하고 있습니까?
    .short = 아직 그 상황에 있음

info-still-in-situation =
    알려 주셔서 감사합니다. 본인은 안전하게 지낼 자격이 있습니다.
    지금 누군가와 이야기하고 싶다면, 언제든지: 1-888-373-7888로 전화하거나 233733번으로 HELP라고 문자 메시지를 보내세요. 위험한 상황이면 911에 전화하세요.
    빨리 나가시려면 언제든지 /exit를 입력하세요. 원하실 때에만 계속하겠습니다.

q-situation-ended = 그 상황은 대략 언제 끝났습니까?
    .short = 그 상황이 끝난 때
hint-situation-ended =
    2014나 "약 2014"처럼 연도만 써도 됩니다.
    어떤 주에서는 법원에 신청할 수 있는 기한을 그 상황이 끝난 때부터 계산하기 때문에 여쭤봅니다.

q-later-convictions =
    과거에 대해 한 가지만 더 여쭤보겠습니다.
    그 뒤로 다른 일로 유죄 판결을 받으신 적이 있습니까?
    .short = 그 뒤의 유죄 판결
hint-later-convictions =
    이에 따라 선택할 수 있는 방법이 달라질 수 있어서 여쭤봅니다.
    기록을 지우는 방법 중에는 그 뒤에 있었던 일을 살펴보는 것이 있습니다. 답이 어떻든 변호사가 여전히 도와드릴 수 있을지도 모릅니다.

q-pending =
    지금 아직 끝나지 않은 일이 있습니까?
    예를 들어 끝나지 않은 재판이나 영장(warrant, 체포하라는 명령)이 있는지요.
    .short = 진행 중인 사건 또는 영장
hint-pending =
    함께 계획을 세우기 위해 여쭤봅니다.
    진행 중인 사건은 다른 종류의 변호사가 필요할 때가 있습니다.

q-documents = 다음 서류 중 가지고 계신 것이 있습니까? 해당하는 것을 모두 골라 주세요.
    .short = 가진 서류
hint-documents = 도움을 요청하는 데 이 서류들이 꼭 필요하지는 않습니다. 있으면 더 쉬워질 수 있습니다.
opt-doc-t-visa = T 비자(T visa)
opt-doc-u-visa = U 비자(U visa)
opt-doc-continued-presence = 계속 체류 허가(Continued Presence)
opt-doc-hhs-letter = HHS(미국 보건복지부)의 자격 확인 편지
opt-doc-law-enforcement = 경찰이나 검사가 쓴 편지
opt-doc-service-provider = 쉼터, 지원 담당자 또는 상담사가 쓴 편지
opt-doc-court-records = 제 재판 서류
opt-doc-none = 해당 없음

q-citizenship = 미국 시민이십니까?
    .short = 시민권
hint-citizenship =
    어떤 방법이 본인에게 맞는지가 달라질 수 있어서 여쭤봅니다.
    기록을 지우는 방법 중에는 이민 문제에 다르게 작용하는 것이 있습니다. 본인의 일을 돕는 사람들만 이 답을 봅니다.
opt-cit-citizen = 예, 미국 시민입니다
opt-cit-permanent-resident = 영주권(그린카드)이 있습니다
opt-cit-other-status = 다른 비자나 체류 신분이 있습니다
opt-cit-no-status = 지금은 체류 서류가 없습니다

q-immigration-court =
    곧 있을 심리 날짜가 있습니까?
    이민 법원의 심리(hearing)를 말하는 것입니다.
    .short = 이민 법원 심리 예정

q-immigration-court-date = 아신다면, 그 날짜가 언제입니까?
    .short = 이민 법원 심리 날짜

q-urgent =
    곧 다가오는 마감일이 있습니까?
    예를 들어 법원 날짜, 일자리, 주거 신청 같은 것입니다.
    .short = 급한 마감일
hint-urgent = 급한 일이 있으면 가장 먼저 보도록 하겠습니다.

q-urgent-date = 언제입니까?
    .short = 마감 날짜

q-record-consent =
    허락에 관한 질문 하나입니다.
    모든 건을 찾을 수 있도록, 변호사가 주 정부와 FBI(미국 연방수사국)에 본인의 범죄 기록을 요청해도 되겠습니까? 무엇이든 하기 전에 먼저 본인에게 확인할 것입니다.
    .short = 기록 요청 허락
hint-record-consent =
    모든 건을 기억하지 못하셔도 괜찮습니다.
    기록이 있으면 변호사가 찾는 데 도움이 됩니다.

q-contact-method =
    어떻게 하면 안전하게 연락드릴 수 있을까요? 안전한 방법을 모두 골라 주세요.
    { $org }의 담당자가 연락할 때 쓰는 것입니다.
    .short = 안전한 연락 방법
hint-contact-method = 고르신 방법만 쓰겠습니다. 메시지에는 무슨 일인지 쓰지 않습니다.
opt-contact-this-chat = 여기, 이 채팅으로
opt-contact-phone = 전화
opt-contact-text = 문자 메시지
opt-contact-email = 이메일
opt-contact-advocate = 제 지원 담당자나 사회복지사를 통해서

q-contact-details = 어떤 번호, 이메일, 지원 담당자로 연락하면 될까요? 안전할 때에만 써 주세요.
    .short = 연락처
hint-contact-details = 건너뛰고 나중에 담당자에게 말씀하셔도 됩니다.

q-contact-time = 언제 연락드리면 안전할까요? 예: "평일 저녁 6시 이후".
    .short = 안전한 시간

q-review = 거의 끝났습니다.

q-send-choice =
    감사합니다. 이 정도면 누군가 다시 연락드리기에 충분합니다.
    지금 보내셔도 됩니다. 나머지는 변호사가 전화할 때 여쭤볼 것입니다. 아니면 지금 더 말씀해 주셔도 됩니다. 그러면 변호사가 준비하는 데 도움이 됩니다. 어느 쪽이든 괜찮습니다.
    지금까지 말씀해 주신 내용입니다:

end-done = 감사합니다. 답변을 보냈습니다. 고르신 방법으로 누군가 연락드릴 것입니다. 긴급한 상황이면 911에 전화하시고, 다른 도움이 필요하시면 /help를 입력하세요.

end-sent-early = 감사합니다. 말씀해 주신 내용을 보냈습니다. 고르신 방법으로 누군가 연락드릴 것입니다. 나중에 더 추가하시려면 /start를 입력하세요. 긴급한 상황이면 911에 전화하시고, 다른 도움이 필요하시면 /help를 입력하세요.

end-later = 괜찮습니다. 계속하고 싶으실 때 언제든지 /start를 입력하세요. 긴급한 상황이면 911에 전화하시고, 다른 도움이 필요하시면 /help를 입력하세요.

end-declined = 괜찮습니다. 입력하신 내용은 아무것도 저장하지 않았습니다. 마음이 바뀌시면 /start를 입력하세요. 긴급한 상황이면 911에 전화하시고, 다른 도움이 필요하시면 /help를 입력하세요.

# 프로그램 자체가 쓰는 메시지 (src/locale.rs의 CODE_MESSAGES 참고).
# Machine-assisted draft by the clearpath developers, not reviewed by a native speaker.

choice-yes = 예
choice-no = 아니요
choice-unsure = 잘 모르겠습니다
choice-dont-know = 모릅니다
choice-prefer-not = 말하고 싶지 않습니다
choice-continue = 계속
choice-consent-agree = 예, 계속하겠습니다
choice-consent-decline = 아니요, 지금은 아닙니다
choice-no-code = 비밀번호 없이 할게요
choice-submit = 답변 보내기
choice-change = { $n }번 답변 바꾸기
choice-resume = 멈춘 곳에서 계속하기
choice-send-now = 지금 보내기
choice-tell-more = 더 말하기 (질문 약 { $n }개, { $minutes }분)
choice-send-told = 지금까지 말한 내용 보내기
choice-tell-more-later = 더 말하기
choice-restart = 처음부터 다시 하기
choice-delete-confirm = 예, 모두 지워 주세요
choice-delete-cancel = 아니요, 답변을 남겨 주세요

answer-prefer-not = (말하고 싶지 않음)
answer-dont-know = (모름)
answer-skipped = (건너뜀)
answer-none = —
answer-date-approx = 약 { $date }
answer-date-month = { $year }년 { $month }
answer-date-day = { $year }년 { $month } { $day }일

month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월

help-text =
    위험한 상황이면 911에 전화하세요.
    지금 누군가와 이야기하고 싶다면, 낮이든 밤이든 언제든지: 전국 인신매매 핫라인(National Human Trafficking Hotline)에 1-888-373-7888로 전화하거나, 233733번으로 HELP라고 문자 메시지를 보내세요. 무료이고 비밀이 지켜지며, 여러 언어로 이야기할 수 있습니다.
help-commands =
    다음 명령은 언제든지 쓸 수 있습니다:
    /back – 이전 질문으로 돌아가기
    /skip – 질문 건너뛰기 (건너뛸 수 있는 질문만)
    /exit – 빨리 나가기; 답변은 다시 오실 때까지 보관됩니다
    /language – 언어 바꾸기
    /delete – 저희 시스템에서 답변 지우기
    /help – 이 안내 다시 보기
    /exit와 /delete는 이 채팅에서 최근 48시간 동안의 메시지도 지웁니다. 본인이 보낸 메시지와 봇이 보낸 메시지 모두입니다. 그보다 오래된 봇의 메시지는 평범한 문장으로 바뀝니다. 그보다 오래된 본인의 메시지는 봇이 건드릴 수 없지만, Telegram에서 직접 지우거나 채팅 전체를 지울 수 있습니다.

invalid-choice = 죄송합니다, 잘 알아듣지 못했습니다. 보기 중에서 하나를 골라 주세요.
invalid-choices = 보기 중에서 하나 이상을 골라 주세요. 1, 3처럼 여러 개를 고를 수 있습니다.
invalid-number = 19처럼 숫자를 입력해 주세요.
invalid-number-range = { $min }에서 { $max } 사이의 숫자를 입력해 주세요.
invalid-date = 그 날짜를 읽지 못했습니다. 연도만 써도 됩니다. 예: 2014, "3월 2014", "약 2014".
invalid-date-past = 그 날짜는 미래인 것 같습니다. 연도만 써도 됩니다. 예: 2014.
invalid-date-future = 그 날짜는 이미 지난 것 같습니다. 다시 확인해 주시거나, "모릅니다"를 골라 주세요.
invalid-text-long = 조금 깁니다. { $max }자보다 짧게 써 주세요.
invalid-text-empty = 답을 입력하시거나, 보기 중에서 하나를 골라 주세요.
invalid-jurisdiction = 그 주를 알아보지 못했습니다. "뉴욕"처럼 주 이름을 쓰시거나, NY처럼 두 글자 약자를 쓰셔도 됩니다.
invalid-stale = 그 버튼은 이전 질문의 버튼입니다. 지금은 여기까지 왔습니다:
invalid-code = 비밀번호를 입력해 주세요.
cannot-skip = 이 질문은 건너뛸 수 없습니다. 보기 중에서 하나를 고르시거나, 지금은 그만하시려면 /exit를 입력하세요.
nothing-to-go-back-to = 첫 번째 질문입니다.
previous-answer = 이전에 하신 답변:

review-intro =
    지금까지 말씀해 주신 내용입니다. 확인해 주세요.
    어떤 답변이든 바꾸실 수 있고, 그대로 보내실 수도 있습니다.
review-group-item = 사건 { $n }
review-empty = 아직 답하신 질문이 없습니다.
review-type-number = 답변을 바꾸시려면 그 번호를 입력하세요.

resume-prompt = 다시 오셨군요. 멈춘 곳에서 계속하시겠습니까?
resume-prompt-sent = 다시 오셨군요. 전에 말씀해 주신 내용은 보냈습니다. 더 말씀해 주시겠습니까? 이미 보내신 내용에 더해집니다.
resume-code-ask = 계속하시려면 비밀번호를 입력해 주세요.
resume-code-set = 비밀번호가 설정되었습니다. 다시 오실 때 여쭤보겠습니다.
resume-code-again = 맞게 입력했는지 확인하기 위해 같은 비밀번호를 한 번 더 입력해 주세요.
resume-code-mismatch = 두 번 입력하신 것이 서로 달라서 아직 비밀번호가 설정되지 않았습니다. 비밀번호를 다시 입력하시거나, "비밀번호 없이 할게요"를 골라 주세요.
resume-code-wrong = 비밀번호가 맞지 않습니다. 다시 해 보세요.
resume-code-locked = 너무 여러 번 시도하셨습니다. { $minutes }분 기다리신 뒤 다시 해 보세요.
resume-code-too-short = { $min }자 이상으로 해 주시거나, "비밀번호 없이 할게요"를 골라 주세요.

delete-confirm =
    말씀해 주신 내용이 모두 지워집니다. 되돌릴 수 없습니다.
    답변이 이미 보내졌다면, 변호사에게 가지고 있는 사본을 지워 달라고 요청하겠습니다. 지우시겠습니까?
delete-done = 말씀해 주신 내용이 모두 지워졌습니다.
delete-cancelled = 아무것도 지우지 않았습니다.

exit-done = 채팅을 잠시 멈췄습니다. 다시 오시려면 /start를 입력하세요.

language-prompt = 언어를 고르세요 · Choose a language
language-changed = 알겠습니다.

already-submitted = 답변은 이미 보내졌습니다. 고르신 방법으로 누군가 연락드릴 것입니다. 새 대화를 시작하시거나, 여기 저장된 내용을 지우시려면 /delete를 입력하세요.
multi-instructions = 여러 개를 고르셔도 됩니다.
console-free-input-choices = 답을 입력하시거나, 다음 중 하나를 입력하세요:
jurisdiction-other = 다른 주
not-started = 시작하시려면 /start를 입력하세요.
# 운영자가 설정에서 기관 이름을 정하기 전까지 $org 대신 쓰입니다.
org-name = 법률 지원 기관
error-storage =
    죄송합니다. 저희 쪽에 문제가 생겨서 지금은 이 대화를 계속할 수 없습니다. 처음부터 새로 하시려면 /delete를 입력하세요.
    긴급한 상황이면 911에 전화하세요. 지금 누군가와 이야기하고 싶다면: 1-888-373-7888로 전화하거나 233733번으로 HELP라고 문자 메시지를 보내세요.
error-retry = 죄송합니다. 방금 보내신 메시지를 저희 쪽에서 처리하지 못했습니다. 다시 보내 주세요.

# 봇의 명령 메뉴: 누구나 메뉴를 볼 수 있으므로 중립적인 말을 씁니다.
menu-start = 시작
menu-back = 뒤로
menu-help = 도움말
menu-language = 언어
menu-exit = 닫기
menu-delete = 지우기
# Telegram에서 여러 개를 고른 답을 보내는 버튼.
choice-done = 완료 ✓
# Telegram은 긴 목록을 한 페이지씩 보여 줍니다: 페이지를 넘기는 버튼.
choice-page-more = 더 보기 ▶
choice-page-back = ◀ 뒤로
# Telegram의 확인 화면: 바꿀 답을 고르도록 답변 목록을 한 페이지씩 엽니다.
choice-change-some = 답변 하나 바꾸기

# 변호사가 사건을 맡을 때 한 번 보냅니다. 본인이 이 채팅을 연락 방법으로 고른 경우에만.
# 누구나 휴대폰을 볼 수 있으므로 법, 기록, 기관에 대한 말은 하지 않습니다.
notify-accepted = 다시 인사드립니다. 고르신 방법으로 곧 누군가 연락드릴 것입니다. 여기 저장된 내용을 지우시려면 언제든지 /delete를 입력하세요.
notify-not-taken =
    다시 인사드립니다.
    제때 이 일을 맡을 변호사를 찾지 못해서, 말씀드린 대로 알려 주신 내용을 지웠습니다. 언제든지 /start로 다시 시작하실 수 있습니다.
    지금 누군가와 이야기하고 싶다면, 낮이든 밤이든: 1-888-373-7888로 전화하거나 233733번으로 HELP라고 문자 메시지를 보내세요. 긴급한 상황이면 911에 전화하세요.

# Under each question: how far along the survivor is ($total is an estimate).
progress = 약 { $total }개 중 { $n }번째 질문

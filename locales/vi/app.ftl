# Tin nhắn do chính chương trình dùng (xem CODE_MESSAGES trong src/locale.rs).
# Machine-assisted draft by the clearpath developers, not reviewed by a native speaker.

choice-yes = Có
choice-no = Không
choice-unsure = Tôi không chắc
choice-dont-know = Tôi không biết
choice-prefer-not = Tôi không muốn nói
choice-continue = Tiếp tục
choice-consent-agree = Vâng, tiếp tục
choice-consent-decline = Không, bây giờ thì chưa
choice-no-code = Không cần mã, cảm ơn
choice-submit = Gửi câu trả lời của tôi
choice-change = Sửa câu trả lời { $n }
choice-resume = Tiếp tục từ chỗ đã dừng
choice-send-now = Gửi ngay bây giờ
choice-tell-more = Kể thêm (khoảng { $n } câu hỏi, { $minutes } phút)
choice-send-told = Gửi những gì tôi đã kể
choice-tell-more-later = Kể thêm
choice-restart = Bắt đầu lại
choice-delete-confirm = Vâng, xóa hết
choice-delete-cancel = Không, giữ lại câu trả lời của tôi

answer-prefer-not = (không muốn nói)
answer-dont-know = (không biết)
answer-skipped = (đã bỏ qua)
answer-none = —
answer-date-approx = khoảng { $date }
answer-date-month = { $month } năm { $year }
answer-date-day = ngày { $day } { $month } năm { $year }

month-1 = tháng 1
month-2 = tháng 2
month-3 = tháng 3
month-4 = tháng 4
month-5 = tháng 5
month-6 = tháng 6
month-7 = tháng 7
month-8 = tháng 8
month-9 = tháng 9
month-10 = tháng 10
month-11 = tháng 11
month-12 = tháng 12

help-text =
    Nếu quý vị đang gặp nguy hiểm, hãy gọi 911.
    Để nói chuyện với ai đó ngay bây giờ, bất cứ lúc nào, ngày hay đêm: Đường dây nóng Quốc gia về Buôn người (National Human Trafficking Hotline), gọi số 1-888-373-7888 hoặc nhắn tin HELP đến số 233733. Dịch vụ miễn phí và giữ bí mật, và họ nói được nhiều thứ tiếng.
help-commands =
    Quý vị có thể dùng những lệnh này bất cứ lúc nào:
    /back – quay lại câu hỏi trước
    /skip – bỏ qua một câu hỏi (khi được phép)
    /exit – thoát nhanh; câu trả lời của quý vị được giữ lại cho lần sau quý vị quay lại
    /language – đổi ngôn ngữ
    /delete – xóa câu trả lời của quý vị khỏi hệ thống của chúng tôi
    /help – xem lại hướng dẫn này
    /exit và /delete cũng xóa các tin nhắn trong cuộc trò chuyện này trong 48 giờ qua, cả của quý vị và của bot. Các tin nhắn cũ hơn của bot sẽ được đổi thành một đoạn chữ bình thường; các tin nhắn cũ hơn của quý vị thì bot không xóa được, nhưng quý vị có thể tự xóa chúng, hoặc xóa cả cuộc trò chuyện, trong Telegram.

invalid-choice = Xin lỗi, tôi chưa hiểu. Xin vui lòng chọn một trong các lựa chọn.
invalid-choices = Xin vui lòng chọn một hoặc nhiều lựa chọn. Quý vị có thể chọn nhiều cái, ví dụ 1, 3.
invalid-number = Xin vui lòng nhập một con số, ví dụ 19.
invalid-number-range = Xin vui lòng nhập một số từ { $min } đến { $max }.
invalid-date = Tôi không đọc được ngày đó. Chỉ cần năm là đủ, ví dụ 2014, "3/2014" hoặc "khoảng 2014".
invalid-date-past = Ngày đó có vẻ là ở tương lai. Chỉ cần năm là đủ, ví dụ 2014.
invalid-date-future = Ngày đó có vẻ đã qua rồi. Xin vui lòng kiểm tra lại, hoặc chọn "Tôi không biết".
invalid-text-long = Câu này hơi dài. Xin vui lòng viết ít hơn { $max } ký tự.
invalid-text-empty = Xin vui lòng nhập câu trả lời, hoặc chọn một trong các lựa chọn.
invalid-jurisdiction = Tôi không nhận ra tiểu bang đó. Quý vị có thể nhập tên tiểu bang, ví dụ "New York", hoặc hai chữ cái viết tắt, ví dụ NY.
invalid-stale = Nút đó thuộc về một câu hỏi trước. Đây là chỗ chúng ta đang ở bây giờ:
invalid-code = Xin vui lòng nhập mã của quý vị.
cannot-skip = Không thể bỏ qua câu hỏi này. Quý vị có thể chọn một trong các lựa chọn, hoặc nhập /exit để tạm dừng.
nothing-to-go-back-to = Đây là câu hỏi đầu tiên.
previous-answer = Câu trả lời trước của quý vị:

review-intro =
    Đây là tất cả những gì quý vị đã cho chúng tôi biết. Xin vui lòng xem lại.
    Quý vị có thể sửa bất kỳ câu trả lời nào, hoặc gửi đi.
review-group-item = Vụ việc { $n }
review-empty = Quý vị chưa trả lời câu hỏi nào.
review-type-number = Để sửa một câu trả lời, hãy nhập số của câu đó.

resume-prompt = Chào mừng quý vị quay lại. Quý vị có muốn tiếp tục từ chỗ đã dừng không?
resume-prompt-sent = Chào mừng quý vị quay lại. Những gì quý vị cho chúng tôi biết trước đây đã được gửi đi. Quý vị có muốn kể thêm không? Thông tin sẽ được thêm vào những gì quý vị đã gửi.
resume-code-ask = Xin vui lòng nhập mã của quý vị để tiếp tục.
resume-code-set = Mã của quý vị đã được đặt. Chúng tôi sẽ hỏi mã này khi quý vị quay lại.
resume-code-again = Xin vui lòng nhập lại cùng mã đó một lần nữa, để chắc chắn là đúng.
resume-code-mismatch = Hai lần nhập không giống nhau, nên chưa đặt mã. Xin vui lòng nhập lại một mã, hoặc chọn "Không cần mã, cảm ơn".
resume-code-wrong = Mã đó không đúng. Xin vui lòng thử lại.
resume-code-locked = Quý vị đã thử quá nhiều lần. Xin vui lòng đợi { $minutes } phút rồi thử lại.
resume-code-too-short = Xin vui lòng dùng ít nhất { $min } ký tự, hoặc chọn "Không cần mã, cảm ơn".

delete-confirm =
    Việc này sẽ xóa tất cả những gì quý vị đã cho chúng tôi biết. Không thể lấy lại được.
    Nếu câu trả lời của quý vị đã được gửi đi, chúng tôi sẽ đề nghị luật sư xóa bản của họ. Quý vị có muốn xóa không?
delete-done = Tất cả những gì quý vị đã cho chúng tôi biết đã được xóa.
delete-cancelled = Không có gì bị xóa.

exit-done = Cuộc trò chuyện đã tạm dừng. Nhập /start để quay lại.

language-prompt = Chọn ngôn ngữ · Choose a language
language-changed = Vâng.

already-submitted = Câu trả lời của quý vị đã được gửi đi. Sẽ có người liên lạc với quý vị theo cách quý vị đã chọn. Quý vị có thể bắt đầu một cuộc trò chuyện mới, hoặc nhập /delete để xóa những gì được lưu ở đây.
multi-instructions = Quý vị có thể chọn nhiều hơn một.
console-free-input-choices = Nhập câu trả lời của quý vị, hoặc nhập một trong những câu sau:
jurisdiction-other = Tiểu bang khác
not-started = Nhập /start để bắt đầu.
# Dùng cho $org cho đến khi người vận hành đặt tên tổ chức trong phần cài đặt.
org-name = tổ chức trợ giúp pháp lý
error-storage =
    Xin lỗi, phía chúng tôi có trục trặc nên không thể tiếp tục cuộc trò chuyện này lúc này. Quý vị có thể nhập /delete để bắt đầu lại từ đầu.
    Trong trường hợp khẩn cấp, hãy gọi 911. Để nói chuyện với ai đó ngay bây giờ: gọi số 1-888-373-7888 hoặc nhắn tin HELP đến số 233733.
error-retry = Xin lỗi, phía chúng tôi có trục trặc với tin nhắn vừa rồi của quý vị. Xin vui lòng gửi lại.

# Menu lệnh của bot: dùng từ trung tính, vì ai cũng có thể thấy menu.
menu-start = Bắt đầu
menu-back = Quay lại
menu-help = Trợ giúp
menu-language = Ngôn ngữ
menu-exit = Đóng
menu-delete = Xóa
# Nút gửi câu trả lời nhiều lựa chọn trong Telegram.
choice-done = Xong ✓
# Telegram hiện danh sách dài từng trang một: các nút này chuyển giữa các trang.
choice-page-more = Thêm ▶
choice-page-back = ◀ Quay lại
# Ở phần xem lại trong Telegram: mở danh sách câu trả lời, từng trang một, để chọn câu cần sửa.
choice-change-some = Sửa một câu trả lời

# Gửi một lần khi luật sư nhận hồ sơ, chỉ khi người đó chọn cuộc trò chuyện này để được liên lạc.
# Ai cũng có thể thấy điện thoại: không nói gì về luật pháp, hồ sơ hay tổ chức.
notify-accepted = Xin chào quý vị. Sẽ sớm có người liên lạc với quý vị theo cách quý vị đã chọn. Quý vị có thể nhập /delete bất cứ lúc nào để xóa những gì được lưu ở đây.
notify-not-taken =
    Xin chào quý vị.
    Chúng tôi không tìm được luật sư nhận việc này kịp thời, nên những gì quý vị đã cho chúng tôi biết đã được xóa, như chúng tôi đã nói trước. Quý vị có thể bắt đầu lại bất cứ lúc nào bằng /start.
    Để nói chuyện với ai đó ngay bây giờ, ngày hay đêm: gọi số 1-888-373-7888 hoặc nhắn tin HELP đến số 233733. Trong trường hợp khẩn cấp, hãy gọi 911.

# Under each question: how far along the survivor is ($total is an estimate).
progress = Câu hỏi { $n } trên khoảng { $total }

# Tin nhắn của flows/intake.toml. Mỗi câu hỏi có lưu câu trả lời đều có thuộc tính `.short`:
# tên của nó trong phần xem lại và trong bản tóm tắt gửi luật sư.

q-language = Chọn ngôn ngữ · Choose a language

q-safety = Xin chào. Bây giờ quý vị trò chuyện có an toàn không?
hint-safety = Nếu có ai đến gần, hãy nhập /exit bất cứ lúc nào. Lệnh này xóa các tin nhắn trong cuộc trò chuyện này trong 48 giờ qua, và quý vị có thể tiếp tục sau.
opt-safety-safe = Có, bây giờ tôi trò chuyện được
opt-safety-not-now = Bây giờ thì không

q-device = Có ai khác dùng hoặc xem điện thoại này không?
opt-device-only-me = Không, chỉ mình tôi
opt-device-others = Có, người khác có thể thấy
opt-device-not-sure = Tôi không chắc

info-device-tips =
    Cảm ơn quý vị đã cho chúng tôi biết. Vài điều có thể giúp ích:
    • Nhập /exit bất cứ lúc nào để thoát nhanh. Lệnh này xóa các tin nhắn trong cuộc trò chuyện này trong 48 giờ qua; /help nói rõ lệnh này xóa những gì.
    • Nếu quý vị chọn kể thêm sau vài câu hỏi đầu tiên, lúc đó quý vị có thể đặt một mã, để không ai khác mở được câu trả lời của quý vị.
    • Thông báo có thể hiện phần đầu của tin nhắn trên màn hình khóa. Trong phần cài đặt của Telegram (Thông báo và Âm thanh), quý vị có thể tắt xem trước tin nhắn.
    • Nếu được, hãy dùng điện thoại hoặc máy tính chỉ mình quý vị dùng, hoặc máy ở thư viện hay ở văn phòng của người hỗ trợ.
    Quý vị tự quyết định. Quý vị có thể tiếp tục ngay bây giờ nếu muốn.

q-consent =
    Trước khi bắt đầu, xin vui lòng đọc phần này. Phần này ngắn thôi.

    • Đây là trợ lý tự động do { $org } điều hành. Đây không phải là luật sư, và không có gì ở đây là tư vấn pháp lý. Việc trả lời chưa có nghĩa là ai đó đã trở thành luật sư của quý vị.
    • Một luật sư hoặc người hỗ trợ của { $org } sẽ đọc câu trả lời của quý vị và liên lạc với quý vị, chỉ theo những cách quý vị nói là an toàn.
    • Câu trả lời của quý vị được lưu ở dạng mã hóa. Nếu quý vị dừng lại khi chưa xong, câu trả lời sẽ bị xóa sau { $abandoned_days } ngày. Nếu không có luật sư nào nhận trong vòng { $waiting_days } ngày, câu trả lời sẽ bị xóa lúc đó. Khi có luật sư nhận, chúng tôi chỉ giữ một bản đã khóa, và bản này bị xóa { $delivered_days } ngày sau đó.
    • Bản đã gửi cho luật sư thì không lấy lại được, nhưng quý vị có thể đề nghị họ xóa bản đó.
    • Cuộc trò chuyện này chạy trên Telegram và không được mã hóa đầu cuối: Telegram có thể thấy những gì viết ở đây, và bất kỳ ai mở điện thoại này hoặc tài khoản Telegram của quý vị cũng thấy được. Xin đừng viết tên của người khác, hay chuyện đã xảy ra với quý vị: chúng tôi không cần điều đó để giúp quý vị.
    • Đây không phải là dịch vụ khẩn cấp. Nếu quý vị đang gặp nguy hiểm, hãy gọi 911. Để nói chuyện với ai đó ngay bây giờ, hãy gọi Đường dây nóng Quốc gia về Buôn người (National Human Trafficking Hotline) số 1-888-373-7888 hoặc nhắn tin HELP đến số 233733.
    • Quý vị có thể bỏ qua câu hỏi, quay lại, dừng bằng /exit, và xóa hết bằng /delete.
    • Mất khoảng { $short_minutes } phút để gửi vài câu trả lời mà luật sư cần để gọi lại cho quý vị. Kể hết mọi chuyện thì mất khoảng { $full_minutes } phút. Quý vị có thể gửi sớm và kể phần còn lại sau.

    Quý vị có muốn tiếp tục không?

q-resume-code = Quý vị có muốn đặt một mã không? Nếu quý vị rời đi rồi quay lại, chúng tôi sẽ hỏi mã này, để không ai khác cầm điện thoại của quý vị có thể xem hay sửa câu trả lời. Hãy nhập một mã quý vị sẽ nhớ (ít nhất 4 ký tự), hoặc chọn "Không cần mã, cảm ơn".
hint-resume-code = Đừng dùng mã mà người khác biết, ví dụ ngày sinh.

q-preferred-name = Quý vị muốn chúng tôi gọi quý vị là gì? Không cần phải là tên trên giấy tờ.
    .short = Tên để gọi

q-preferred-term = Quý vị muốn chúng tôi nói về chuyện đã xảy ra với quý vị bằng từ nào?
    .short = Từ ngữ nên dùng
hint-preferred-term = Quý vị không cần kể cho chúng tôi chuyện gì đã xảy ra. Điều này chỉ giúp chúng tôi dùng những từ mà quý vị thấy phù hợp.
opt-term-trafficking = "Bị buôn bán"
opt-term-exploitation = "Bị bóc lột"
opt-term-forced-work = "Bị ép làm việc"
opt-term-what-happened = Chỉ nói "chuyện đã xảy ra"

q-nexus-all =
    Một câu hỏi chung cho tất cả.
    Xin nghĩ đến mọi lần quý vị bị bắt hoặc bị kết án, lần quý vị đã cho chúng tôi biết và bất kỳ lần nào khác: những việc đó có xảy ra trong lúc có người ép buộc, lừa gạt hoặc gây áp lực cho quý vị, hoặc vì hoàn cảnh đó không?
    .short = Liên quan đến việc bị buôn bán (mọi vụ việc)
opt-nexus-all = Có, tất cả
opt-nexus-some = Một số, không phải tất cả
opt-nexus-none = Không

group-case = Vụ việc { $n }

q-case-state =
    { $n ->
        [1] Bây giờ là vài câu hỏi về quá khứ. Quý vị cứ từ từ.
            Quý vị đã bị bắt hoặc bị kết án ở tiểu bang nào? Nếu chuyện đó xảy ra hơn một lần, hãy bắt đầu với một lần: quý vị có thể thêm những lần khác sau. Nếu là ở tòa án liên bang, hãy chọn Liên bang.
       *[other] Cảm ơn quý vị. Bây giờ đến lần tiếp theo.
            Lần này ở tiểu bang nào? Nếu là ở tòa án liên bang, hãy chọn Liên bang.
    }
    .short = Tiểu bang
hint-case-state =
    Quý vị có thể nhập tên tiểu bang, ví dụ "New York", hoặc chọn một tiểu bang bên dưới.
    Không chắc mình có hồ sơ hay không? Hãy chọn "Tôi không biết": luật sư có thể tìm hiểu giúp quý vị.

q-case-county =
    Nếu quý vị còn nhớ, việc đó ở quận (county) hay thành phố nào?
    Tên của tòa án cũng được.
    .short = Quận hoặc tòa án

q-case-category =
    Việc đó là về chuyện gì? Hãy chọn cái gần đúng nhất.
    Ý chúng tôi là tội danh (điều quý vị bị cáo buộc), theo những gì quý vị biết.
    .short = Loại tội danh
hint-case-category =
    Không chắc cũng không sao.
    Luật sư có thể tìm tội danh chính xác sau.
opt-cat-prostitution = Mại dâm, gạ gẫm mại dâm, hoặc lảng vảng để mại dâm
opt-cat-loitering = Lảng vảng hoặc sống lang thang
opt-cat-trespass = Xâm nhập nơi không được phép
opt-cat-disorderly = Gây rối trật tự, hoặc chống lại việc bắt giữ
opt-cat-theft = Trộm cắp hoặc lấy cắp đồ trong cửa hàng
opt-cat-fraud = Lừa đảo, giả mạo, hoặc giấy tờ tùy thân giả
opt-cat-drug-possession = Có ma túy trong người
opt-cat-drug-sale = Bán ma túy hoặc mang ma túy giùm người khác
opt-cat-weapons = Có vũ khí
opt-cat-promoting = Môi giới mại dâm hoặc lôi kéo người khác
opt-cat-burglary = Đột nhập để trộm
opt-cat-robbery = Cướp
opt-cat-assault = Hành hung hoặc đánh nhau
opt-cat-property = Làm hư hại tài sản
opt-cat-driving = Lái xe hoặc giao thông
opt-cat-immigration = Di trú
opt-cat-other = Việc khác

q-case-charge =
    Nếu quý vị nhớ, việc đó được gọi là gì?
    Chỉ cần tên của tội danh, ví dụ "lảng vảng", bằng lời của quý vị. Xin đừng viết chuyện đã xảy ra: chúng tôi không cần điều đó.
    .short = Tội danh (theo lời người đó)

q-case-outcome = Vụ này đã kết thúc thế nào?
    .short = Kết thúc thế nào
opt-outcome-conviction = Tôi bị kết án hoặc đã nhận tội
opt-outcome-deferred = Một chương trình, hoãn tuyên án, hoặc diversion (làm xong một chương trình thay vì bị xử)
opt-outcome-dismissed = Vụ đã bị hủy bỏ, hoặc tôi được tuyên là vô tội
opt-outcome-arrest-only = Tôi bị bắt nhưng chưa bao giờ bị buộc tội
opt-outcome-pending = Vụ vẫn chưa xong
opt-outcome-juvenile = Vụ ở tòa án vị thành niên

q-case-final-charge =
    Cuối cùng, việc đó có đổi thành chuyện khác không? Nếu có, là gì? Quý vị dùng lời của mình cũng được.
    Ý chúng tôi là tội danh mà quý vị bị kết án, nếu không phải là tội danh ban đầu.
    .short = Tội danh cuối cùng

q-case-level =
    Nếu quý vị biết, việc đó nặng đến mức nào?
    Đó là tội nhẹ (misdemeanor) hay trọng tội (felony)?
    .short = Mức độ
hint-case-level =
    Từ nhẹ nhất đến nặng nhất:
    vi phạm nhỏ (violation hoặc infraction, như một lần bị phạt), rồi đến tội nhẹ (misdemeanor), rồi đến trọng tội (felony).
opt-level-violation = Vi phạm nhỏ (violation hoặc infraction)
opt-level-misdemeanor = Tội nhẹ (misdemeanor)
opt-level-felony = Trọng tội (felony)

q-case-date =
    Chuyện đó vào khoảng khi nào?
    Ý chúng tôi là lúc quý vị bị bắt.
    .short = Khi bị bắt
hint-dates = Chỉ cần năm là đủ, ví dụ 2014 hoặc "khoảng 2014".

q-case-conviction-date = Vụ đó kết thúc khoảng khi nào?
    .short = Khi nào vụ kết thúc

q-case-sentence-done =
    Quý vị đã làm xong mọi việc mà quý vị được yêu cầu phải làm cho vụ đó chưa?
    Ví dụ ở tù, quản chế (probation: sống dưới sự giám sát trong một thời gian), tiền phạt hoặc các lớp học mà tòa án yêu cầu.
    .short = Đã xong bản án
hint-case-sentence-done =
    Chúng tôi hỏi vì các lựa chọn có thể tùy thuộc vào điều này.
    Một số cách xóa hồ sơ chỉ dùng được khi quý vị đã làm xong mọi việc tòa án yêu cầu, còn một số cách khác thì không cần chờ như vậy.

q-case-nexus = Riêng vụ việc này có xảy ra trong lúc có người ép buộc, lừa gạt hoặc gây áp lực cho quý vị, hoặc vì hoàn cảnh đó không?
    .short = Liên quan đến việc bị buôn bán
hint-case-nexus =
    Quý vị không cần kể cho chúng tôi chuyện gì đã xảy ra.
    Sau này luật sư có thể hỏi thêm, chỉ khi quý vị muốn.

q-case-harm =
    Trong đó có nói đến điều nào dưới đây không? Hãy chọn tất cả những gì đúng.
    Ý chúng tôi là tội danh, theo những gì quý vị biết.
    .short = Bạo lực, vũ khí hoặc thương tích
hint-case-harm =
    Chúng tôi hỏi vì một số luật xử lý những trường hợp này khác đi.
    Nhiều người vẫn có thể được giúp đỡ.
opt-harm-violence = Có người bị đe dọa hoặc bị tấn công
opt-harm-weapon = Có liên quan đến vũ khí
opt-harm-injury = Có người bị thương
opt-harm-none = Không có điều nào

q-case-age = Lúc đó quý vị khoảng bao nhiêu tuổi?
    .short = Tuổi lúc đó
hint-case-age = Chúng tôi hỏi vì quy định có thể khác đối với việc xảy ra trước khi quý vị 18 tuổi.

q-case-docket =
    Nếu quý vị có số hồ sơ vụ việc, quý vị có thể nhập ở đây. Bỏ qua câu này cũng không sao.
    Số này cũng có thể gọi là docket number.
    .short = Số hồ sơ vụ việc

q-case-another =
    Cảm ơn quý vị. Còn vụ nào khác quý vị muốn cho chúng tôi biết không?
    Bất kỳ lần bị bắt hoặc bị kết án nào khác, vào bất cứ lúc nào.
    .short = Vụ khác
opt-another-yes = Có, còn một vụ nữa
opt-another-no = Không, vậy là hết

q-other-names = Có vụ nào trong số này mang một tên khác hoặc cách viết tên khác không?
    .short = Dưới tên khác
hint-other-names =
    Bây giờ quý vị không cần viết tên đó ra.
    Chúng tôi hỏi để luật sư biết phải tìm ở đâu.

q-still-in-situation =
    Trước hết, về sự an toàn của quý vị.
    Hiện giờ có ai vẫn đang gây áp lực hoặc kiểm soát quý vị không?
    .short = Vẫn còn trong hoàn cảnh đó

info-still-in-situation =
    Cảm ơn quý vị đã cho chúng tôi biết. Quý vị xứng đáng được an toàn.
    Nếu quý vị muốn nói chuyện với ai đó ngay bây giờ, bất cứ lúc nào: gọi số 1-888-373-7888 hoặc nhắn tin HELP đến số 233733. Nếu quý vị đang gặp nguy hiểm, hãy gọi 911.
    Nhập /exit bất cứ lúc nào để thoát nhanh. Chúng tôi chỉ tiếp tục nếu quý vị muốn.

q-situation-ended = Hoàn cảnh đó kết thúc khoảng khi nào?
    .short = Khi nào hoàn cảnh đó kết thúc
hint-situation-ended =
    Chỉ cần năm là đủ, ví dụ 2014 hoặc "khoảng 2014".
    Chúng tôi hỏi vì ở một số tiểu bang, thời hạn để nộp đơn lên tòa án được tính từ khi hoàn cảnh đó kết thúc.

q-later-convictions =
    Thêm một câu hỏi nữa về quá khứ.
    Từ đó đến nay, quý vị có bị kết án về điều gì khác không?
    .short = Bị kết án từ đó đến nay
hint-later-convictions =
    Chúng tôi hỏi vì các lựa chọn có thể tùy thuộc vào điều này.
    Một số cách xóa hồ sơ có xem xét những gì xảy ra sau đó. Dù câu trả lời là gì, luật sư vẫn có thể giúp được quý vị.

q-pending =
    Hiện giờ quý vị có việc gì vẫn còn chưa xong không?
    Ví dụ một vụ ở tòa án chưa kết thúc, hoặc một lệnh bắt (warrant).
    .short = Vụ chưa xong hoặc lệnh bắt
hint-pending =
    Chúng tôi hỏi để có thể cùng quý vị lên kế hoạch.
    Những vụ chưa xong đôi khi cần một loại luật sư khác.

q-documents = Quý vị có giấy tờ nào dưới đây không? Hãy chọn tất cả những gì đúng.
    .short = Giấy tờ đang có
hint-documents = Không cần giấy tờ nào trong số này để xin giúp đỡ. Có thì có thể dễ hơn.
opt-doc-t-visa = Thị thực T (T visa)
opt-doc-u-visa = Thị thực U (U visa)
opt-doc-continued-presence = Giấy phép Tiếp tục Hiện diện (Continued Presence)
opt-doc-hhs-letter = Thư xác nhận đủ điều kiện của HHS (Bộ Y tế và Dịch vụ Nhân sinh Hoa Kỳ)
opt-doc-law-enforcement = Thư của cảnh sát hoặc công tố viên
opt-doc-service-provider = Thư của nhà tạm trú, người hỗ trợ hoặc chuyên viên tư vấn
opt-doc-court-records = Giấy tờ của vụ án của tôi ở tòa
opt-doc-none = Không có giấy tờ nào

q-citizenship = Quý vị có phải là công dân Hoa Kỳ không?
    .short = Quốc tịch
hint-citizenship =
    Chúng tôi hỏi vì điều này có thể thay đổi những lựa chọn phù hợp với quý vị.
    Một số cách xóa hồ sơ có tác dụng khác đối với vấn đề di trú. Chỉ những người giúp quý vị trong vụ việc mới thấy câu trả lời này.
opt-cit-citizen = Có, tôi là công dân Hoa Kỳ
opt-cit-permanent-resident = Tôi có thẻ xanh
opt-cit-other-status = Tôi có thị thực hoặc tình trạng cư trú khác
opt-cit-no-status = Hiện giờ tôi không có giấy tờ

q-immigration-court =
    Sắp tới quý vị có ngày điều trần (hearing) nào không?
    Ý chúng tôi là ở tòa án di trú.
    .short = Ngày ra tòa di trú

q-immigration-court-date = Nếu quý vị biết, ngày đó là ngày nào?
    .short = Ra tòa di trú vào ngày

q-urgent =
    Sắp tới có hạn chót nào không?
    Ví dụ một ngày ra tòa, một công việc hoặc đơn xin nhà ở.
    .short = Hạn chót gấp
hint-urgent = Nếu có việc gấp, chúng tôi sẽ bảo đảm việc đó được xem trước.

q-urgent-date = Ngày đó là khi nào?
    .short = Ngày hạn chót

q-record-consent =
    Một câu hỏi về sự cho phép.
    Luật sư có thể xin hồ sơ tiền án của quý vị từ tiểu bang và FBI (Cục Điều tra Liên bang) để tìm mọi vụ không? Họ sẽ hỏi lại quý vị trước khi làm bất cứ điều gì.
    .short = Được xin hồ sơ
hint-record-consent =
    Không nhớ hết mọi vụ cũng không sao.
    Hồ sơ giúp luật sư tìm ra các vụ đó.

q-contact-method =
    Chúng tôi có thể liên lạc với quý vị một cách an toàn bằng cách nào? Hãy chọn tất cả những cách an toàn.
    Để người của { $org } liên lạc.
    .short = Cách liên lạc an toàn
hint-contact-method = Chúng tôi chỉ dùng những cách quý vị chọn. Tin nhắn sẽ không nói là về chuyện gì.
opt-contact-this-chat = Ở đây, trong cuộc trò chuyện này
opt-contact-phone = Gọi điện thoại
opt-contact-text = Tin nhắn văn bản (text)
opt-contact-email = Email
opt-contact-advocate = Qua người hỗ trợ hoặc nhân viên xã hội của tôi

q-contact-details = Chúng tôi nên dùng số điện thoại, email hay người hỗ trợ nào? Chỉ viết nếu an toàn.
    .short = Thông tin liên lạc
hint-contact-details = Quý vị có thể bỏ qua câu này và nói với một người sau.

q-contact-time = Khi nào liên lạc với quý vị thì an toàn? Ví dụ "các ngày trong tuần sau 6 giờ chiều".
    .short = Giờ an toàn

q-review = Gần xong rồi.

q-send-choice =
    Cảm ơn quý vị. Như vậy là đủ để có người liên lạc lại với quý vị.
    Quý vị có thể gửi ngay bây giờ: luật sư sẽ hỏi phần còn lại khi gọi cho quý vị. Hoặc quý vị có thể kể thêm cho chúng tôi ngay bây giờ, điều này giúp họ chuẩn bị. Cách nào cũng được.
    Đây là những gì quý vị đã cho chúng tôi biết:

end-done = Cảm ơn quý vị. Câu trả lời của quý vị đã được gửi đi. Sẽ có người liên lạc theo cách quý vị đã chọn. Trong trường hợp khẩn cấp, hãy gọi 911; nếu cần giúp việc khác, hãy nhập /help.

end-sent-early = Cảm ơn quý vị. Những gì quý vị cho chúng tôi biết đã được gửi đi. Sẽ có người liên lạc theo cách quý vị đã chọn. Để thêm thông tin sau này, hãy nhập /start. Trong trường hợp khẩn cấp, hãy gọi 911; nếu cần giúp việc khác, hãy nhập /help.

end-later = Không sao. Hãy nhập /start bất cứ khi nào quý vị muốn tiếp tục. Trong trường hợp khẩn cấp, hãy gọi 911; nếu cần giúp việc khác, hãy nhập /help.

end-declined = Không sao, không có gì quý vị đã nhập được lưu lại. Hãy nhập /start nếu quý vị đổi ý. Trong trường hợp khẩn cấp, hãy gọi 911; nếu cần giúp việc khác, hãy nhập /help.

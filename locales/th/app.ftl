# Messages the program itself uses (see CODE_MESSAGES in crates/core/src/locale.rs), in Thai.
# Machine-assisted draft by the developers: needs review by a native speaker (see locale.toml).
# Global arguments available in every message: $org, $abandoned_days, $delivered_days, $waiting_days.

choice-yes = ใช่
choice-no = ไม่ใช่
choice-unsure = ไม่แน่ใจ
choice-dont-know = ไม่ทราบ
choice-prefer-not = ขอไม่ตอบ
choice-continue = ทำต่อ
choice-consent-agree = ใช่ ทำต่อ
choice-consent-decline = ไม่ ยังไม่ตอนนี้
choice-no-code = ไม่ตั้งรหัส ขอบคุณ
choice-submit = ส่งคำตอบของฉัน
choice-change = แก้คำตอบข้อ { $n }
choice-resume = ทำต่อจากที่ค้างไว้
choice-send-now = ส่งตอนนี้
choice-tell-more = เล่าเพิ่ม (ประมาณ { $n } ข้อ { $minutes } นาที)
choice-send-told = ส่งสิ่งที่บอกไปแล้ว
choice-tell-more-later = เล่าเพิ่ม
choice-restart = เริ่มใหม่
choice-delete-confirm = ใช่ ลบทั้งหมด
choice-delete-cancel = ไม่ เก็บคำตอบไว้

answer-prefer-not = (ขอไม่ตอบ)
answer-dont-know = (ไม่ทราบ)
answer-skipped = (ข้ามไป)
answer-none = —
answer-date-approx = ประมาณ { $date }
answer-date-month = { $month } { $year }
answer-date-day = { $day } { $month } { $year }

month-1 = มกราคม
month-2 = กุมภาพันธ์
month-3 = มีนาคม
month-4 = เมษายน
month-5 = พฤษภาคม
month-6 = มิถุนายน
month-7 = กรกฎาคม
month-8 = สิงหาคม
month-9 = กันยายน
month-10 = ตุลาคม
month-11 = พฤศจิกายน
month-12 = ธันวาคม

help-text =
    ถ้าคุณอยู่ในอันตราย โทร 911
    ถ้าต้องการคุยกับใครสักคนตอนนี้ ได้ทุกเวลา ทั้งกลางวันและกลางคืน: สายด่วนแห่งชาติเรื่องการค้ามนุษย์ (National Human Trafficking Hotline) โทร 1-888-373-7888 หรือส่งข้อความ (SMS) คำว่า HELP ไปที่ 233733 ไม่เสียค่าใช้จ่ายและเป็นความลับ ทางโทรศัพท์มีล่ามมากกว่า 200 ภาษา ส่วนการส่งข้อความใช้ได้เฉพาะภาษาอังกฤษและภาษาสเปน
help-commands =
    คุณใช้คำสั่งเหล่านี้ได้ทุกเมื่อ:
    /back – กลับไปคำถามก่อนหน้า
    /skip – ข้ามคำถาม (ถ้าข้อนั้นข้ามได้)
    /exit – ออกอย่างรวดเร็ว เราจะเก็บคำตอบไว้จนกว่าคุณจะกลับมา
    /language – เปลี่ยนภาษา
    /delete – ลบคำตอบของคุณออกจากระบบของเรา
    /help – แสดงข้อความนี้อีกครั้ง
    /exit และ /delete จะลบข้อความในแชทนี้ในช่วง 48 ชั่วโมงที่ผ่านมาด้วย ทั้งของคุณและของบอท ข้อความที่เก่ากว่านั้นของบอทจะถูกเปลี่ยนเป็นข้อความกลาง ๆ ส่วนข้อความเก่าของคุณบอทแตะต้องไม่ได้ แต่คุณลบเองได้ หรือจะลบทั้งแชทใน Telegram ก็ได้

invalid-choice = ขอโทษ ไม่เข้าใจคำตอบนั้น กรุณาเลือกจากตัวเลือก
invalid-choices = กรุณาเลือกอย่างน้อยหนึ่งข้อ เลือกได้หลายข้อ เช่น 1, 3
invalid-number = กรุณาพิมพ์ตัวเลข เช่น 19
invalid-number-range = กรุณาพิมพ์ตัวเลขระหว่าง { $min } ถึง { $max }
invalid-date = อ่านวันที่นั้นไม่ได้ บอกแค่ปีก็พอ เช่น 2557 หรือ 2014, "มีนาคม 2557" หรือ "ประมาณ 2557"
invalid-date-past = วันที่นั้นดูเหมือนจะยังมาไม่ถึง บอกแค่ปีก็พอ เช่น 2557
invalid-date-future = วันที่นั้นดูเหมือนจะผ่านไปแล้ว กรุณาตรวจดูอีกครั้ง หรือเลือก "ไม่ทราบ"
invalid-text-long = ยาวไปหน่อย กรุณาพิมพ์ไม่เกิน { $max } ตัวอักษร
invalid-text-empty = กรุณาพิมพ์คำตอบ หรือเลือกจากตัวเลือก
invalid-jurisdiction = ไม่รู้จักรัฐนั้น คุณพิมพ์ชื่อรัฐได้ เช่น "นิวยอร์ก" หรือพิมพ์อักษรย่อสองตัว เช่น NY
invalid-stale = ปุ่มนั้นเป็นของคำถามก่อนหน้า ตอนนี้เราอยู่ที่คำถามนี้:
invalid-code = กรุณาพิมพ์รหัสของคุณ
cannot-skip = ข้ามคำถามนี้ไม่ได้ คุณเลือกจากตัวเลือกได้ หรือพิมพ์ /exit เพื่อหยุดไว้ก่อน
nothing-to-go-back-to = นี่คือคำถามแรก
previous-answer = คำตอบเดิมของคุณ:

review-intro =
    นี่คือทุกอย่างที่คุณบอกเรา กรุณาตรวจดู
    คุณแก้คำตอบข้อไหนก็ได้ หรือส่งได้เลย
review-group-item = คดีที่ { $n }
review-empty = คุณยังไม่ได้ตอบคำถามใดเลย
review-type-number = ถ้าต้องการแก้คำตอบ พิมพ์หมายเลขข้อนั้น

resume-prompt = ยินดีต้อนรับกลับมา ต้องการทำต่อจากที่ค้างไว้ไหม
resume-prompt-sent = ยินดีต้อนรับกลับมา สิ่งที่คุณบอกเราก่อนหน้านี้ส่งไปแล้ว ต้องการเล่าเพิ่มไหม ข้อมูลจะเพิ่มเข้าไปกับสิ่งที่คุณส่งไปแล้ว
resume-code-ask = กรุณาพิมพ์รหัสของคุณเพื่อทำต่อ
resume-code-set = ตั้งรหัสแล้ว เราจะถามรหัสนี้เมื่อคุณกลับมา
resume-code-again = กรุณาพิมพ์รหัสเดิมอีกครั้ง เพื่อให้แน่ใจว่าถูกต้อง
resume-code-mismatch = รหัสสองครั้งไม่ตรงกัน จึงยังไม่ได้ตั้งรหัส กรุณาพิมพ์รหัสใหม่ หรือเลือก "ไม่ตั้งรหัส ขอบคุณ"
resume-code-wrong = รหัสไม่ตรง กรุณาลองอีกครั้ง
resume-code-locked = ลองหลายครั้งเกินไป กรุณารอ { $minutes } นาทีแล้วลองใหม่
resume-code-too-short = กรุณาใช้อย่างน้อย { $min } ตัวอักษร หรือเลือก "ไม่ตั้งรหัส ขอบคุณ"

delete-confirm =
    การลบจะลบทุกอย่างที่คุณบอกเรา และย้อนกลับไม่ได้
    ถ้าคำตอบของคุณถูกส่งไปแล้ว เราจะขอให้ทนายความลบสำเนาของเขาด้วย ต้องการลบไหม
delete-done = ลบทุกอย่างที่คุณบอกเราแล้ว
delete-cancelled = ไม่ได้ลบอะไร

exit-done = หยุดแชทไว้ก่อน พิมพ์ /start เพื่อกลับมา

language-prompt = เลือกภาษา · Choose a language
language-changed = ได้เลย

already-submitted = คำตอบของคุณถูกส่งไปแล้ว จะมีคนติดต่อคุณตามวิธีที่คุณเลือก คุณเริ่มการสนทนาใหม่ได้ หรือพิมพ์ /delete เพื่อลบสิ่งที่เก็บไว้ที่นี่
multi-instructions = เลือกได้มากกว่าหนึ่งข้อ
console-free-input-choices = พิมพ์คำตอบ หรือพิมพ์อย่างใดอย่างหนึ่งต่อไปนี้:
jurisdiction-other = รัฐอื่น
not-started = พิมพ์ /start เพื่อเริ่ม
# Used for $org until the operator sets the organisation's name in the configuration.
org-name = องค์กรช่วยเหลือทางกฎหมาย
error-storage =
    ขอโทษ เกิดปัญหาทางฝั่งเรา ตอนนี้จึงทำการสนทนานี้ต่อไม่ได้ คุณพิมพ์ /delete เพื่อเริ่มใหม่ได้
    ในกรณีฉุกเฉิน โทร 911 ถ้าต้องการคุยกับใครสักคนตอนนี้: โทร 1-888-373-7888 หรือส่งข้อความ (SMS) คำว่า HELP ไปที่ 233733
error-retry = ขอโทษ เกิดปัญหาทางฝั่งเรากับข้อความล่าสุดของคุณ กรุณาส่งอีกครั้ง

# The bot's command menu: neutral words, because anyone may see the menu.
menu-start = เริ่ม
menu-back = ย้อนกลับ
menu-help = ช่วยเหลือ
menu-language = ภาษา
menu-exit = ปิด
menu-delete = ลบ
# The button that sends a multiple-choice answer in Telegram.
choice-done = เสร็จแล้ว ✓
# Telegram shows a long list a page at a time: these buttons move between its pages.
choice-page-more = เพิ่มเติม ▶
choice-page-back = ◀ ย้อนกลับ
# On the review in Telegram: opens the list of answers, a page at a time, to pick one to change.
choice-change-some = แก้คำตอบ

# Sent once when an attorney takes the case, only if the person chose this chat as a way to be
# reached. Anyone may see the phone: nothing about law, records or the organisation.
notify-accepted = สวัสดีอีกครั้ง อีกไม่นานจะมีคนติดต่อคุณตามวิธีที่คุณเลือก คุณพิมพ์ /delete เพื่อลบสิ่งที่เก็บไว้ที่นี่ได้ทุกเมื่อ
notify-not-taken =
    สวัสดีอีกครั้ง
    เราหาทนายความที่รับเรื่องนี้ได้ทันเวลาไม่ได้ จึงลบสิ่งที่คุณบอกเราแล้ว ตามที่เราเคยบอกไว้ คุณเริ่มใหม่ได้ทุกเมื่อด้วย /start
    ถ้าต้องการคุยกับใครสักคนตอนนี้ ทั้งกลางวันและกลางคืน: โทร 1-888-373-7888 หรือส่งข้อความ (SMS) คำว่า HELP ไปที่ 233733 ในกรณีฉุกเฉิน โทร 911

# Under each question: how far along the survivor is ($total is an estimate).
progress = คำถามที่ { $n } จากประมาณ { $total } ข้อ

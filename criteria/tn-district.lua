-- Bộ tiêu chí huyện nông thôn mới tỉnh Thái Nguyên giai đoạn 2022-2025
--
-- Thái Nguyên judges its districts by the 9 criteria of QĐ 320/QĐ-TTg
-- (criteria-reference.md §7: Định Hóa reported 9/9 against them; Phú Bình
-- and Định Hóa were recognised under them). The province's own decision
-- number for district criteria was not found, so this set restates the
-- national one for the province and changes nothing; a provincial value,
-- once found, is an `amend` here.

set {
  id       = "tn-district",
  extends  = "vn-320-district",
  title    = "Bộ tiêu chí huyện nông thôn mới tỉnh Thái Nguyên giai đoạn 2022-2025",
  decision = "Áp dụng QĐ 320/QĐ-TTg (số quyết định của UBND tỉnh Thái Nguyên chưa tìm thấy)",
  level    = "district",
  years    = { 2022, 2025 },
  province = "Thái Nguyên",
  note     = "The national district set as Thái Nguyên applies it; no provincial value is known to differ.",
}

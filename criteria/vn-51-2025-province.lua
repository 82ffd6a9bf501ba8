-- Quy định tỉnh, thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2026-2030
-- QĐ 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ, Phụ lục III.
--
-- What is known (../shared/domain/ntm-2026-2030.md §1.2, §1.7): the annex
-- exists, it replaces the province rule of 2021-2025 (QĐ 321/QĐ-TTg) and is
-- stricter ("siết chặt các điều kiện", baophapluat, vneconomy); there is no
-- district level after 2025, so a province is judged on its communes
-- directly (the communes are the province's children from 01/07/2025). Its
-- conditions and their values were not found. The one condition written here
-- is the share of the province's communes meeting the commune set of the same
-- decision, which the engine evaluates first on every commune below the
-- province; its minimum is unset. Add the annex's other conditions when the
-- text is found.

set {
  id       = "vn-51-2025-province",
  title    = "Quy định tỉnh, thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2026-2030",
  decision = "QĐ 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ, Phụ lục III",
  level    = "province",
  years    = { 2026, 2030 },
  note     = "Only the condition on the province's communes is written, its minimum unset: the annex's conditions were not found. In force from 15/02/2026; 2026 is judged by this set.",
}

local Q = "QĐ 51/2025/QĐ-TTg, Phụ lục III, "

criterion "ĐK" { name = "Điều kiện về các xã trên địa bàn tỉnh",
  indicator "ĐK.1" {
    name    = "Tỷ lệ xã trên địa bàn tỉnh đạt chuẩn nông thôn mới giai đoạn 2026-2030",
    measure = share_meeting("vn-51-2025-commune"), unit = "%",
    min     = unset("Phụ lục III's conditions were not found in any available text; the sources say only that they are stricter than 2021-2025 (QĐ 321/QĐ-TTg); nothing from memory"),
    cite    = Q .. "điều kiện về xã đạt chuẩn nông thôn mới (not found; the condition is inferred from the annex's title)",
  },
}

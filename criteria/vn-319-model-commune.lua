-- Bộ tiêu chí quốc gia về xã nông thôn mới kiểu mẫu giai đoạn 2021-2025
-- QĐ 319/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ.
--
-- Four conditions (criteria-reference.md §2.4, seen): the commune meets the
-- advanced set; its income is at least 1.1 × the advanced set's income
-- threshold of the same time (that threshold is unset in
-- vn-318-advanced-commune, so this one is too); it has a smart-village
-- model; and it is a model in at least one field the province defines.

set {
  id       = "vn-319-model-commune",
  title    = "Bộ tiêu chí quốc gia về xã nông thôn mới kiểu mẫu giai đoạn 2021-2025",
  decision = "QĐ 319/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ",
  level    = "commune",
  recognises = "ntm-model",
  years    = { 2021, 2025 },
  note     = "The income condition is relative to the advanced set's income threshold, which is not set.",
}

local Q = "QĐ 319/QĐ-TTg, "

criterion "KM" { name = "Xã nông thôn mới kiểu mẫu", group = "0",
  indicator "KM.1" {
    name    = "Xã đạt chuẩn nông thôn mới nâng cao giai đoạn 2021-2025",
    measure = meets("vn-318-advanced-commune"), must = true,
    cite    = Q .. "điều kiện 1",
  },
  indicator "KM.2" {
    name    = "Thu nhập bình quân đầu người ≥ 1,1 lần mức thu nhập của xã NTM nâng cao cùng thời điểm",
    measure = v.income_per_capita_mvnd, unit = "triệu đồng/người/năm",
    -- 10 % above the advanced set's income threshold for the same unit and
    -- year; that threshold is not known, so this one ranges with it
    min     = threshold_of("vn-318-advanced-commune", "10") * 1.1,
    cite    = Q .. "điều kiện 2",
  },
  indicator "KM.3" {
    name    = "Có ít nhất một mô hình thôn thông minh",
    measure = v.smart_villages_count, unit = "thôn", min = 1,
    cite    = Q .. "điều kiện 3",
  },
  indicator "KM.4" {
    name    = "Đạt tiêu chí kiểu mẫu của tỉnh ở ít nhất một lĩnh vực nổi trội",
    measure = v.model_fields_count, unit = "lĩnh vực", min = 1,
    cite    = Q .. "điều kiện 4",
  },
}

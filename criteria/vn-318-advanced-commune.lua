-- Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025
-- QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục II.
--
-- A commune must first meet the commune set (Phụ lục I) in force; then the
-- 19 advanced criteria. Their names are recalled (criteria-reference.md
-- §2.2; criterion 9's name is to be confirmed) and their indicator tables
-- were not found, so each criterion is one yes/no indicator: the criterion
-- met as the sector assessed it (data: adv_*_met). Income, the one figure
-- the model commune set refers to (QĐ 319: 1.1 × this threshold), is kept
-- as a figure with its threshold unset. A province restating the annex
-- (e.g. th-33-2022-advanced-commune) replaces criteria with measured ones.

set {
  id       = "vn-318-advanced-commune",
  title    = "Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025",
  decision = "QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục II",
  level    = "commune",
  recognises = "ntm-advanced",
  years    = { 2021, 2025 },
  note     = "Criterion names recalled; each criterion is recorded as assessed (adv_*_met); the income threshold is unset.",
}

local Q = "QĐ 318/QĐ-TTg, Phụ lục II, "

criterion "ĐK" { name = "Điều kiện: đạt chuẩn nông thôn mới giai đoạn 2021-2025", group = "0",
  indicator "ĐK.1" {
    name    = "Xã đạt chuẩn nông thôn mới theo Bộ tiêu chí giai đoạn 2021-2025",
    measure = meets("vn-318-commune"), must = true,
    cite    = Q .. "điều kiện (xã đã đạt chuẩn NTM giai đoạn 2021-2025; criteria-reference.md §2.2, recalled)",
  },
}

criterion "1" { name = "Quy hoạch", group = "II",
  indicator "1" {
    name    = "Đạt tiêu chí Quy hoạch (nâng cao) theo đánh giá của ngành",
    measure = v.adv_planning_met, must = true,
    cite    = Q .. "tiêu chí 1 (Quy hoạch)",
  },
}

criterion "2" { name = "Giao thông", group = "II",
  indicator "2" {
    name    = "Đạt tiêu chí Giao thông (nâng cao) theo đánh giá của ngành",
    measure = v.adv_transport_met, must = true,
    cite    = Q .. "tiêu chí 2 (Giao thông)",
  },
}

criterion "3" { name = "Thủy lợi và phòng, chống thiên tai", group = "II",
  indicator "3" {
    name    = "Đạt tiêu chí Thủy lợi và phòng, chống thiên tai (nâng cao) theo đánh giá của ngành",
    measure = v.adv_irrigation_met, must = true,
    cite    = Q .. "tiêu chí 3 (Thủy lợi và phòng, chống thiên tai)",
  },
}

criterion "4" { name = "Điện", group = "II",
  indicator "4" {
    name    = "Đạt tiêu chí Điện (nâng cao) theo đánh giá của ngành",
    measure = v.adv_electricity_met, must = true,
    cite    = Q .. "tiêu chí 4 (Điện)",
  },
}

criterion "5" { name = "Giáo dục", group = "II",
  indicator "5" {
    name    = "Đạt tiêu chí Giáo dục (nâng cao) theo đánh giá của ngành",
    measure = v.adv_education_met, must = true,
    cite    = Q .. "tiêu chí 5 (Giáo dục)",
  },
}

criterion "6" { name = "Văn hóa", group = "II",
  indicator "6" {
    name    = "Đạt tiêu chí Văn hóa (nâng cao) theo đánh giá của ngành",
    measure = v.adv_culture_met, must = true,
    cite    = Q .. "tiêu chí 6 (Văn hóa)",
  },
}

criterion "7" { name = "Cơ sở hạ tầng thương mại nông thôn", group = "II",
  indicator "7" {
    name    = "Đạt tiêu chí Cơ sở hạ tầng thương mại nông thôn (nâng cao) theo đánh giá của ngành",
    measure = v.adv_trade_met, must = true,
    cite    = Q .. "tiêu chí 7 (Cơ sở hạ tầng thương mại nông thôn)",
  },
}

criterion "8" { name = "Thông tin và Truyền thông", group = "II",
  indicator "8" {
    name    = "Đạt tiêu chí Thông tin và Truyền thông (nâng cao) theo đánh giá của ngành",
    measure = v.adv_ict_met, must = true,
    cite    = Q .. "tiêu chí 8 (Thông tin và Truyền thông)",
  },
}

criterion "9" { name = "Nhà ở dân cư", group = "II",
  indicator "9" {
    name    = "Đạt tiêu chí Nhà ở dân cư (nâng cao) theo đánh giá của ngành",
    measure = v.adv_housing_met, must = true,
    cite    = Q .. "tiêu chí 9 (Nhà ở dân cư)",
  },
}

criterion "10" { name = "Thu nhập", group = "III",
  indicator "10" {
    name    = "Thu nhập bình quân đầu người khu vực nông thôn (triệu đồng/người/năm)",
    measure = v.income_per_capita_mvnd, unit = "triệu đồng/người/năm",
    min     = unset("Phụ lục II's income values were not found in any available text"),
    cite    = Q .. "tiêu chí 10 (Thu nhập)",
  },
}

criterion "11" { name = "Nghèo đa chiều", group = "III",
  indicator "11" {
    name    = "Đạt tiêu chí Nghèo đa chiều (nâng cao) theo đánh giá của ngành",
    measure = v.adv_poverty_met, must = true,
    cite    = Q .. "tiêu chí 11 (Nghèo đa chiều)",
  },
}

criterion "12" { name = "Lao động", group = "III",
  indicator "12" {
    name    = "Đạt tiêu chí Lao động (nâng cao) theo đánh giá của ngành",
    measure = v.adv_labour_met, must = true,
    cite    = Q .. "tiêu chí 12 (Lao động)",
  },
}

criterion "13" { name = "Tổ chức sản xuất và phát triển kinh tế nông thôn", group = "III",
  indicator "13" {
    name    = "Đạt tiêu chí Tổ chức sản xuất và phát triển kinh tế nông thôn (nâng cao) theo đánh giá của ngành",
    measure = v.adv_production_met, must = true,
    cite    = Q .. "tiêu chí 13 (Tổ chức sản xuất và phát triển kinh tế nông thôn)",
  },
}

criterion "14" { name = "Y tế", group = "IV",
  indicator "14" {
    name    = "Đạt tiêu chí Y tế (nâng cao) theo đánh giá của ngành",
    measure = v.adv_health_met, must = true,
    cite    = Q .. "tiêu chí 14 (Y tế)",
  },
}

criterion "15" { name = "Hành chính công", group = "IV",
  indicator "15" {
    name    = "Đạt tiêu chí Hành chính công (nâng cao) theo đánh giá của ngành",
    measure = v.adv_public_admin_met, must = true,
    cite    = Q .. "tiêu chí 15 (Hành chính công)",
  },
}

criterion "16" { name = "Tiếp cận pháp luật", group = "IV",
  indicator "16" {
    name    = "Đạt tiêu chí Tiếp cận pháp luật (nâng cao) theo đánh giá của ngành",
    measure = v.adv_legal_access_met, must = true,
    cite    = Q .. "tiêu chí 16 (Tiếp cận pháp luật)",
  },
}

criterion "17" { name = "Môi trường", group = "IV",
  indicator "17" {
    name    = "Đạt tiêu chí Môi trường (nâng cao) theo đánh giá của ngành",
    measure = v.adv_environment_met, must = true,
    cite    = Q .. "tiêu chí 17 (Môi trường)",
  },
}

criterion "18" { name = "Chất lượng môi trường sống", group = "IV",
  indicator "18" {
    name    = "Đạt tiêu chí Chất lượng môi trường sống (nâng cao) theo đánh giá của ngành",
    measure = v.adv_living_env_met, must = true,
    cite    = Q .. "tiêu chí 18 (Chất lượng môi trường sống)",
  },
}

criterion "19" { name = "Quốc phòng và An ninh", group = "V",
  indicator "19" {
    name    = "Đạt tiêu chí Quốc phòng và An ninh (nâng cao) theo đánh giá của ngành",
    measure = v.adv_defence_security_met, must = true,
    cite    = Q .. "tiêu chí 19 (Quốc phòng và An ninh)",
  },
}

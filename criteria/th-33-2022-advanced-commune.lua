-- Bộ tiêu chí xã nông thôn mới nâng cao tỉnh Thanh Hóa giai đoạn 2022-2025
-- QĐ 33/2022/QĐ-UBND ngày 10/8/2022 của UBND tỉnh Thanh Hóa.
--
-- Thanh Hóa's advanced set restates the national one (QĐ 318, Phụ lục II)
-- for the province. Its table was not found (criteria-reference.md §6); what
-- is known: a commune must first meet Thanh Hóa's commune set (32/2022); a
-- provincial newspaper gives the centralised clean-water share "from 55 % for
-- an advanced NTM commune" (thresholds-found.md), a draft until the decision's
-- text confirms it. Quảng Giao's plan raises the share from 40 % to 60 %
-- (seed B): its target, not the threshold.

set {
  id       = "th-33-2022-advanced-commune",
  extends  = "vn-318-advanced-commune",
  title    = "Bộ tiêu chí xã nông thôn mới nâng cao tỉnh Thanh Hóa giai đoạn 2022-2025",
  decision = "QĐ 33/2022/QĐ-UBND ngày 10/8/2022 của UBND tỉnh Thanh Hóa",
  level    = "commune",
  recognises = "ntm-advanced",
  years    = { 2022, 2025 },
  province = "Thanh Hóa",
  note     = "Precondition on th-32-2022-commune; the clean-water indicator is a draft from one provincial newspaper.",
}

amend "ĐK.1" {
  name    = "Xã đạt chuẩn nông thôn mới theo Bộ tiêu chí xã NTM tỉnh Thanh Hóa giai đoạn 2022-2025",
  measure = meets("th-32-2022-commune"),
  cite    = "QĐ 33/2022/QĐ-UBND tỉnh Thanh Hóa (điều kiện: xã đã đạt chuẩn NTM theo QĐ 32/2022/QĐ-UBND)",
}

criterion "18" { name = "Chất lượng môi trường sống", group = "IV",
  indicator "18.1" {
    name    = "Tỷ lệ hộ sử dụng nước sạch từ công trình cấp nước tập trung",
    measure = pct(v.households_clean_water_centralised, v.households_total), unit = "%",
    min     = draft(55, "Báo Thanh Hóa (republished), on Như Thanh district: 'from 55 % for an advanced NTM commune'; one secondary source, which attributes it to the national criteria; 33/2022's own value not confirmed"),
    cite    = "QĐ 33/2022/QĐ-UBND tỉnh Thanh Hóa, tiêu chí 18 (chất lượng môi trường sống)",
  },
  indicator "18.2" {
    name    = "Các nội dung khác của tiêu chí Chất lượng môi trường sống đạt theo đánh giá của ngành",
    measure = v.adv_living_env_met, must = true,
    cite    = "QĐ 33/2022/QĐ-UBND tỉnh Thanh Hóa, tiêu chí 18",
  },
}

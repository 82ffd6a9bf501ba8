-- Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021-2025
-- QĐ 320/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I.
--
-- A district is judged on its communes first (the conditions of Annex I:
-- every commune meets the commune set, at least 10 % meet the advanced
-- commune set, every township is a "đô thị văn minh", residents satisfied)
-- and on its own 9 criteria. The conditions use the results of the commune
-- sets on the communes below (share_meeting), which the engine evaluates
-- first. The 9 criteria's names are seen in a text; their indicators are
-- recalled and their numeric thresholds were not found (unset): see
-- criteria/SOURCES.md. Yes/no indicators ("Đạt") are set.

set {
  id       = "vn-320-district",
  title    = "Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021-2025",
  decision = "QĐ 320/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I",
  level    = "district",
  years    = { 2021, 2025 },
  note     = "Numeric thresholds of the 9 criteria were not found (unset); the conditions and the yes/no indicators are set.",
}

local Q = "QĐ 320/QĐ-TTg, Phụ lục I, "
local NOT_FOUND = "the annex's value was not found in any available text (criteria-reference.md §3.2)"

-- ĐIỀU KIỆN (conditions on the units below) ---------------------------------
criterion "ĐK" { name = "Điều kiện công nhận huyện nông thôn mới", group = "0",
  indicator "ĐK.1" {
    name    = "Tỷ lệ xã trên địa bàn đạt chuẩn nông thôn mới giai đoạn 2021-2025",
    measure = share_meeting("vn-318-commune"), unit = "%", min = 100,
    cite    = Q .. "điều kiện 1 (100 % số xã đạt chuẩn NTM)",
  },
  indicator "ĐK.2" {
    name    = "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao giai đoạn 2021-2025",
    measure = share_meeting("vn-318-advanced-commune"), unit = "%", min = 10,
    cite    = Q .. "điều kiện 2 (ít nhất 10 % số xã đạt chuẩn NTM nâng cao)",
  },
  indicator "ĐK.3" {
    name    = "Tỷ lệ thị trấn đạt chuẩn đô thị văn minh",
    measure = pct(v.towns_civilized, v.towns_total), unit = "%", min = 100,
    applies = gt(v.towns_total, 0),
    cite    = Q .. "điều kiện 3 (100 % thị trấn đạt chuẩn đô thị văn minh, nếu có)",
  },
  indicator "ĐK.4" {
    name    = "Tỷ lệ người dân hài lòng với kết quả xây dựng nông thôn mới của huyện",
    measure = v.resident_satisfaction_pct, unit = "%", min = 90,
    cite    = Q .. "điều kiện 4 (≥ 90 % toàn huyện)",
  },
  indicator "ĐK.5" {
    name    = "Tỷ lệ hài lòng thấp nhất của một xã, đối với từng nội dung",
    measure = min_below("commune", v.min_commune_content_satisfaction_pct), unit = "%", min = 80,
    cite    = Q .. "điều kiện 4 (≥ 80 % ở từng xã, từng nội dung)",
  },
}

-- 1. QUY HOẠCH ---------------------------------------------------------------
criterion "1" { name = "Quy hoạch", group = "I",
  indicator "1.1" {
    name    = "Có quy hoạch xây dựng vùng huyện được phê duyệt và còn thời hạn",
    measure = v.district_regional_plan_valid, must = true,
    cite    = Q .. "tiêu chí 1, chỉ tiêu 1.1",
  },
  indicator "1.2" {
    name    = "Có các công trình hạ tầng kỹ thuật, xã hội cấp huyện được đầu tư theo quy hoạch",
    measure = v.district_plan_implemented, must = true,
    cite    = Q .. "tiêu chí 1, chỉ tiêu 1.2",
  },
}

-- 2. GIAO THÔNG --------------------------------------------------------------
criterion "2" { name = "Giao thông", group = "I",
  indicator "2.1" {
    name    = "Đường huyện đạt tiêu chuẩn kỹ thuật, được bảo trì, kết nối đến trung tâm các xã",
    measure = v.district_roads_standard, must = true,
    cite    = Q .. "tiêu chí 2, chỉ tiêu 2.1",
  },
  indicator "2.2" {
    name    = "Tỷ lệ km đường trên địa bàn huyện được cứng hóa (nhựa, bê tông)",
    measure = pct(v.road_all_hardened_km, v.road_all_total_km), unit = "%",
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 2",
  },
  indicator "2.3" {
    name    = "Bến xe, điểm dừng đỗ và vận tải hành khách kết nối các xã",
    measure = v.district_transport_links_ok, must = true,
    cite    = Q .. "tiêu chí 2, chỉ tiêu 2.3",
  },
}

-- 3. THỦY LỢI VÀ PHÒNG, CHỐNG THIÊN TAI ---------------------------------------
criterion "3" { name = "Thủy lợi và phòng, chống thiên tai", group = "I",
  indicator "3.1" {
    name    = "Hệ thống thủy lợi liên xã được quản lý, khai thác hiệu quả",
    measure = v.irrigation_intercommune_ok, must = true,
    cite    = Q .. "tiêu chí 3, chỉ tiêu 3.1",
  },
  indicator "3.2" {
    name    = "Tỷ lệ km kênh mương được kiên cố hóa",
    measure = pct(v.canal_solid_km, v.canal_total_km), unit = "%",
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 3",
  },
  indicator "3.3" {
    name    = "Đáp ứng yêu cầu phòng, chống thiên tai theo phương châm 4 tại chỗ",
    measure = v.disaster_readiness_ok, must = true,
    cite    = Q .. "tiêu chí 3, chỉ tiêu 3.2",
  },
}

-- 4. ĐIỆN ---------------------------------------------------------------------
criterion "4" { name = "Điện", group = "I",
  indicator "4" {
    name    = "Hệ thống điện liên xã đảm bảo yêu cầu kỹ thuật của ngành điện",
    measure = v.grid_intercommune_ok, must = true,
    cite    = Q .. "tiêu chí 4",
  },
}

-- 5. Y TẾ - VĂN HÓA - GIÁO DỤC ---------------------------------------------------
criterion "5" { name = "Y tế - Văn hóa - Giáo dục", group = "I",
  indicator "5.1" {
    name    = "Trung tâm y tế (bệnh viện) huyện đạt tiêu chuẩn",
    measure = v.district_health_centre_ok, must = true,
    cite    = Q .. "tiêu chí 5, chỉ tiêu 5.1",
  },
  indicator "5.2" {
    name    = "Tỷ lệ người dân tham gia bảo hiểm y tế",
    measure = pct(v.population_health_insured, v.population_total), unit = "%",
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 5",
  },
  indicator "5.3" {
    name    = "Trung tâm văn hóa - thể thao huyện đạt chuẩn, hoạt động hiệu quả",
    measure = v.district_culture_centre_ok, must = true,
    cite    = Q .. "tiêu chí 5, chỉ tiêu 5.3",
  },
  indicator "5.4" {
    name    = "Tỷ lệ trường THPT đạt chuẩn quốc gia",
    measure = pct(v.upper_secondary_schools_standard, v.upper_secondary_schools_total), unit = "%",
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 5",
  },
}

-- 6. KINH TẾ --------------------------------------------------------------------
criterion "6" { name = "Kinh tế", group = "I",
  indicator "6.1" {
    name    = "Có khu công nghiệp, cụm công nghiệp hoặc cụm ngành nghề nông thôn được đầu tư hạ tầng",
    measure = v.industrial_cluster_ok, must = true,
    cite    = Q .. "tiêu chí 6, chỉ tiêu 6.1",
  },
  indicator "6.2" {
    name    = "Có vùng sản xuất hàng hóa tập trung đối với sản phẩm chủ lực của huyện",
    measure = v.production_zones_ok, must = true,
    cite    = Q .. "tiêu chí 6, chỉ tiêu 6.2",
  },
  indicator "6.3" {
    name    = "Có trung tâm thương mại hoặc chợ đạt chuẩn; sản phẩm OCOP",
    measure = v.district_trade_centre_ok, must = true,
    cite    = Q .. "tiêu chí 6, chỉ tiêu 6.3",
  },
}

-- 7. MÔI TRƯỜNG -----------------------------------------------------------------
criterion "7" { name = "Môi trường", group = "I",
  indicator "7.1" {
    name    = "Hệ thống thu gom, xử lý chất thải rắn trên địa bàn huyện đạt yêu cầu",
    measure = v.district_solid_waste_system_ok, must = true,
    cite    = Q .. "tiêu chí 7, chỉ tiêu 7.1",
  },
  indicator "7.2" {
    name    = "Cơ sở sản xuất, kinh doanh, dịch vụ đảm bảo quy định về bảo vệ môi trường",
    measure = v.establishments_env_ok, must = true,
    cite    = Q .. "tiêu chí 7, chỉ tiêu 7.2",
  },
}

-- 8. CHẤT LƯỢNG MÔI TRƯỜNG SỐNG ---------------------------------------------------
criterion "8" { name = "Chất lượng môi trường sống", group = "I",
  indicator "8.1" {
    name    = "Tỷ lệ hộ dân được sử dụng nước sạch theo quy chuẩn",
    measure = pct(v.households_clean_water_standard, v.households_total), unit = "%",
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 8",
  },
  indicator "8.2" {
    name    = "Cảnh quan, không gian xanh - sạch - đẹp; an toàn thực phẩm trên địa bàn huyện",
    measure = v.district_landscape_food_safety_ok, must = true,
    cite    = Q .. "tiêu chí 8, chỉ tiêu 8.2",
  },
}

-- 9. HỆ THỐNG CHÍNH TRỊ - AN NINH TRẬT TỰ - HÀNH CHÍNH CÔNG -------------------------
criterion "9" { name = "Hệ thống chính trị - An ninh trật tự - Hành chính công", group = "I",
  indicator "9.1" {
    name    = "Đảng bộ, chính quyền huyện được xếp loại hoàn thành tốt nhiệm vụ trở lên",
    measure = v.district_party_gov_rated_well, must = true,
    cite    = Q .. "tiêu chí 9, chỉ tiêu 9.1",
  },
  indicator "9.2" {
    name    = "Đảm bảo an ninh, trật tự xã hội",
    measure = v.district_security_ok, must = true,
    cite    = Q .. "tiêu chí 9, chỉ tiêu 9.2",
  },
  indicator "9.3" {
    name    = "Dịch vụ hành chính công (một cửa) hoạt động hiệu quả",
    measure = v.district_public_admin_ok, must = true,
    cite    = Q .. "tiêu chí 9, chỉ tiêu 9.3",
  },
}

-- Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025
-- QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I.
--
-- One indicator per line of the annex. Region-dependent thresholds have one
-- value per threshold region (tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl).
-- A value not read in a text is a draft(value, "where it came from"); a value
-- with no basis is unset("why") and the indicator reports not_set. Where each
-- value comes from: criteria/SOURCES.md.

set {
  id       = "vn-318-commune",
  title    = "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025",
  decision = "QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I",
  level    = "commune",
  years    = { 2021, 2025 },
  note     = "Region thresholds not confirmed from a text are drafts or unset: ntm criteria show vn-318-commune --drafts",
}

local Q = "QĐ 318/QĐ-TTg, Phụ lục I, "
local NOT_FOUND = "the annex's column for this region was not found in any available text"
-- Values recalled from the annex's published table but not read in a text
-- during this work: drafts until an analyst confirms them (SOURCES.md).
local RECALLED = "recalled from the published annex table, not confirmed against its text; verify before relying on it"

-- I. QUY HOẠCH ---------------------------------------------------------------
criterion "1" { name = "Quy hoạch", group = "I",
  indicator "1.1" {
    name    = "Có quy hoạch chung xây dựng xã được phê duyệt, công bố công khai và còn thời hạn (hoặc được rà soát, điều chỉnh)",
    measure = v.commune_plan_valid, must = true,
    cite    = Q .. "tiêu chí 1, chỉ tiêu 1.1",
  },
  indicator "1.2" {
    name    = "Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch",
    measure = v.commune_plan_regulation_issued, must = true,
    cite    = Q .. "tiêu chí 1, chỉ tiêu 1.2",
  },
}

-- Criterion 15, read in one secondary source (thresholds-found.md): a legal
-- Q&A on thuvienphapluat.vn (2022), its list cut off after two indicators.
local QA15 = "a thuvienphapluat.vn legal Q&A on the commune NTM criteria (2022), one source, its list cut off after the second indicator of criterion 15"
local STUNTING = QA15 .. "; the page prints '≥' before the stunting values although a stunting rate can only be a ceiling, does not name the decision (taken as 318 because the values differ from 2016-2020) and may restate the draft of early 2022"
local EHEALTH = QA15 .. "; the page does not name the decision (taken as 318: the e-health indicator is new in 2021-2025) and may restate the draft of early 2022"
local EHEALTH_MISSING = "the one source found (a 2022 legal Q&A) gives the e-health minimum for tdmnpb and dbsh only; this region's column was not found"

-- II. HẠ TẦNG KINH TẾ - XÃ HỘI --------------------------------------------------
criterion "2" { name = "Giao thông", group = "II",
  indicator "2.1" {
    name    = "Tỷ lệ đường xã và đường từ trung tâm xã đến đường huyện được nhựa hóa hoặc bê tông hóa, bảo đảm ô tô đi lại thuận tiện quanh năm",
    measure = pct(v.road_commune_paved_km, v.road_commune_total_km),
    min     = draft(100, "criteria-reference.md §2.1: 100 % in every region, recalled, not read in the annex"),
    cite    = Q .. "tiêu chí 2, chỉ tiêu 2.1",
  },
  indicator "2.2" {
    name    = "Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa, bảo đảm ô tô đi lại thuận tiện quanh năm",
    measure = pct(v.road_village_hardened_km, v.road_village_total_km),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 2, chỉ tiêu 2.2",
  },
  indicator "2.3" {
    name    = "Tỷ lệ đường ngõ, xóm sạch và bảo đảm đi lại thuận tiện quanh năm",
    measure = pct(v.road_alley_hardened_km, v.road_alley_total_km),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 2, chỉ tiêu 2.3",
  },
  indicator "2.4" {
    name    = "Tỷ lệ đường trục chính nội đồng bảo đảm vận chuyển hàng hóa thuận tiện quanh năm",
    measure = pct(v.road_field_ok_km, v.road_field_total_km),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 2, chỉ tiêu 2.4",
  },
}

criterion "3" { name = "Thủy lợi và phòng, chống thiên tai", group = "II",
  indicator "3.1" {
    name    = "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
    measure = pct(v.agri_land_irrigated_drained_ha, v.agri_land_ha),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 3, chỉ tiêu 3.1",
  },
  indicator "3.2" {
    name    = "Bảo đảm yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ",
    measure = v.disaster_four_on_site_ok, must = true,
    cite    = Q .. "tiêu chí 3, chỉ tiêu 3.2",
  },
}

criterion "4" { name = "Điện", group = "II",
  indicator "4.1" {
    name    = "Hệ thống điện bảo đảm yêu cầu kỹ thuật của ngành điện",
    measure = v.power_system_standard, must = true,
    cite    = Q .. "tiêu chí 4, chỉ tiêu 4.1",
  },
  indicator "4.2" {
    name    = "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện sinh hoạt, sản xuất bảo đảm an toàn, tin cậy và ổn định",
    measure = pct(v.households_electricity_safe, v.households_total),
    min     = draft(by_region { tdmnpb = 95, dbsh = 99, btb = 98, dhntb = 98, tn = 95, dnb = 99, dbscl = 98 }, RECALLED),
    cite    = Q .. "tiêu chí 4, chỉ tiêu 4.2",
  },
}

criterion "5" { name = "Trường học", group = "II",
  indicator "5" {
    name    = "Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS, hoặc trường phổ thông có nhiều cấp học có cấp học cao nhất là THCS) có cơ sở vật chất và thiết bị dạy học đạt tiêu chuẩn theo quy định",
    measure = pct(v.schools_facility_standard, v.schools_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 5",
  },
}

criterion "6" { name = "Cơ sở vật chất văn hóa", group = "II",
  indicator "6.1" {
    name    = "Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao phục vụ sinh hoạt văn hóa, thể thao của toàn xã",
    measure = v.commune_culture_house_and_sports, must = true,
    cite    = Q .. "tiêu chí 6, chỉ tiêu 6.1",
  },
  indicator "6.2" {
    name    = "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi theo quy định",
    measure = v.play_area_children_elderly, must = true,
    cite    = Q .. "tiêu chí 6, chỉ tiêu 6.2",
  },
  indicator "6.3" {
    name    = "Tỷ lệ thôn, bản, ấp có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng",
    measure = pct(v.villages_with_culture_house, v.villages_total),
    min     = draft(100, "criteria-reference.md §2.1: 100 % in every region, recalled, not read in the annex"),
    cite    = Q .. "tiêu chí 6, chỉ tiêu 6.3",
  },
}

criterion "7" { name = "Cơ sở hạ tầng thương mại nông thôn", group = "II",
  indicator "7" {
    name    = "Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa",
    measure = v.has_rural_market_or_trading_place, must = true,
    cite    = Q .. "tiêu chí 7",
  },
}

criterion "8" { name = "Thông tin và Truyền thông", group = "II",
  indicator "8.1" {
    name = "Xã có điểm phục vụ bưu chính", measure = v.has_postal_point, must = true,
    cite = Q .. "tiêu chí 8, chỉ tiêu 8.1",
  },
  indicator "8.2" {
    name = "Xã có dịch vụ viễn thông, internet", measure = v.has_telecom_internet, must = true,
    cite = Q .. "tiêu chí 8, chỉ tiêu 8.2",
  },
  indicator "8.3" {
    name = "Xã có đài truyền thanh và hệ thống loa đến các thôn", measure = v.has_radio_loudspeakers_all_villages,
    must = true, cite = Q .. "tiêu chí 8, chỉ tiêu 8.3",
  },
  indicator "8.4" {
    name = "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành", measure = v.uses_it_in_management,
    must = true, cite = Q .. "tiêu chí 8, chỉ tiêu 8.4",
  },
}

criterion "9" { name = "Nhà ở dân cư", group = "II",
  indicator "9.1" {
    name    = "Nhà tạm, dột nát",
    measure = v.houses_temporary_dilapidated, unit = "houses",
    max     = 0,
    cite    = Q .. "tiêu chí 9, chỉ tiêu 9.1 (Không)",
  },
  indicator "9.2" {
    name    = "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố",
    measure = pct(v.households_solid_house, v.households_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 9, chỉ tiêu 9.2",
  },
}

-- III. KINH TẾ VÀ TỔ CHỨC SẢN XUẤT ------------------------------------------------
criterion "10" { name = "Thu nhập", group = "III",
  indicator "10" {
    name    = "Thu nhập bình quân đầu người khu vực nông thôn (triệu đồng/người/năm)",
    measure = v.income_per_capita_mvnd, unit = "mVND/person/year",
    -- one column for 2022 and one for 2025; 2023-2024 keep the 2022 value
    min     = draft(by_region {
      tdmnpb = by_year { [2022] = 36, [2025] = 48 },
      dbsh   = by_year { [2022] = 50, [2025] = 66 },
      btb    = by_year { [2022] = 41, [2025] = 54 },
      dhntb  = by_year { [2022] = 43, [2025] = 57 },
      tn     = by_year { [2022] = 44, [2025] = 58 },
      dnb    = by_year { [2022] = 53, [2025] = 70 },
      dbscl  = by_year { [2022] = 46, [2025] = 61 },
    }, RECALLED),
    cite    = Q .. "tiêu chí 10",
  },
}

criterion "11" { name = "Nghèo đa chiều", group = "III",
  indicator "11" {
    name    = "Tỷ lệ nghèo đa chiều giai đoạn 2021-2025",
    measure = pct(v.households_poor_multidim, v.households_total),
    max     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 11",
  },
}

criterion "12" { name = "Lao động", group = "III",
  indicator "12" {
    name    = "Tỷ lệ lao động có việc làm qua đào tạo",
    measure = pct(v.labour_employed_trained, v.labour_employed),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 12",
  },
}

criterion "13" { name = "Tổ chức sản xuất và phát triển kinh tế nông thôn", group = "III",
  indicator "13.1" {
    name    = "Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã",
    measure = gt(v.coops_effective_count, 0), must = true,
    cite    = Q .. "tiêu chí 13, chỉ tiêu 13.1",
  },
  indicator "13.2" {
    name    = "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực bảo đảm bền vững",
    measure = v.has_linkage_model_key_product, must = true,
    cite    = Q .. "tiêu chí 13, chỉ tiêu 13.2",
  },
  indicator "13.3" {
    name    = "Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã gắn với xây dựng vùng nguyên liệu và được chứng nhận VietGAP hoặc tương đương",
    measure = v.has_traceability_key_products, must = true,
    cite    = Q .. "tiêu chí 13, chỉ tiêu 13.3",
  },
  indicator "13.4" {
    name    = "Có kế hoạch và triển khai kế hoạch bảo tồn, phát huy các ngành nghề truyền thống, làng nghề gắn với hạ tầng về bảo vệ môi trường (nếu có)",
    measure = v.craft_village_plan_ok, must = true,
    applies = gt(v.craft_villages_count, 0),
    cite    = Q .. "tiêu chí 13, chỉ tiêu 13.4",
  },
  indicator "13.5" {
    name    = "Có tổ khuyến nông cộng đồng hoạt động hiệu quả",
    measure = v.has_community_extension_team, must = true,
    cite    = Q .. "tiêu chí 13, chỉ tiêu 13.5",
  },
}

-- IV. VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG ----------------------------------------------
criterion "14" { name = "Giáo dục và Đào tạo", group = "IV",
  indicator "14.1" {
    name    = "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi; xóa mù chữ; phổ cập giáo dục tiểu học; phổ cập giáo dục trung học cơ sở",
    measure = v.universalisation_ok, must = true,
    cite    = Q .. "tiêu chí 14, chỉ tiêu 14.1",
  },
  indicator "14.2" {
    name    = "Tỷ lệ học sinh tốt nghiệp trung học cơ sở được tiếp tục học trung học (phổ thông, giáo dục thường xuyên, trung cấp)",
    measure = pct(v.lower_sec_graduates_continuing, v.lower_sec_graduates),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 14, chỉ tiêu 14.2",
  },
  indicator "14.3" {
    name    = "Tỷ lệ lao động có việc làm qua đào tạo có bằng cấp, chứng chỉ",
    measure = pct(v.labour_trained_certified, v.labour_employed),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 14, chỉ tiêu 14.3",
  },
}

criterion "15" { name = "Y tế", group = "IV",
  indicator "15.1" {
    name    = "Tỷ lệ người dân tham gia bảo hiểm y tế",
    measure = pct(v.population_health_insured, v.population_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 15, chỉ tiêu 15.1",
  },
  indicator "15.2" {
    name    = "Xã đạt tiêu chí quốc gia về y tế",
    measure = v.commune_health_standard, must = true,
    cite    = Q .. "tiêu chí 15, chỉ tiêu 15.2",
  },
  indicator "15.3" {
    name    = "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)",
    measure = pct(v.children_under5_stunted, v.children_under5),
    max     = by_region {
      tdmnpb = draft(24, STUNTING), dbsh = draft(16.5, STUNTING), btb = draft(25, STUNTING),
      dhntb = draft(22, STUNTING), tn = draft(26.5, STUNTING), dnb = draft(14.5, STUNTING),
      dbscl = draft(19, STUNTING),
    },
    cite    = Q .. "tiêu chí 15, chỉ tiêu 15.3",
  },
  indicator "15.4" {
    name    = "Tỷ lệ dân số có sổ khám chữa bệnh điện tử",
    measure = pct(v.population_e_health_record, v.population_total),
    min     = by_region {
      tdmnpb = draft(50, EHEALTH), dbsh = draft(70, EHEALTH),
      btb = unset(EHEALTH_MISSING), dhntb = unset(EHEALTH_MISSING), tn = unset(EHEALTH_MISSING),
      dnb = unset(EHEALTH_MISSING), dbscl = unset(EHEALTH_MISSING),
    },
    cite    = Q .. "tiêu chí 15, chỉ tiêu 15.4",
  },
}

criterion "16" { name = "Văn hóa", group = "IV",
  indicator "16" {
    name    = "Tỷ lệ thôn, bản, ấp đạt tiêu chuẩn văn hóa theo quy định, có kế hoạch và thực hiện kế hoạch xây dựng nông thôn mới",
    measure = pct(v.villages_cultural_standard, v.villages_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 16",
  },
}

criterion "17" { name = "Môi trường và an toàn thực phẩm", group = "IV",
  indicator "17.1" {
    name    = "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn",
    measure = pct(v.households_clean_water_standard, v.households_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.1",
  },
  indicator "17.2" {
    name    = "Tỷ lệ cơ sở sản xuất, kinh doanh, nuôi trồng thủy sản, làng nghề bảo đảm quy định về bảo vệ môi trường",
    measure = pct(v.establishments_env_compliant, v.establishments_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.2",
  },
  indicator "17.3" {
    name    = "Cảnh quan, không gian xanh - sạch - đẹp, an toàn; không để xảy ra tồn đọng nước thải sinh hoạt tại các khu dân cư tập trung",
    measure = v.landscape_ok, must = true,
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.3",
  },
  indicator "17.4" {
    name    = "Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn; mai táng phù hợp với quy định và theo quy hoạch",
    measure = v.burial_ok, must = true,
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.4",
  },
  indicator "17.5" {
    name    = "Tỷ lệ chất thải rắn sinh hoạt và chất thải rắn không nguy hại trên địa bàn được thu gom, xử lý theo quy định",
    measure = pct(v.solid_waste_collected_treated_t, v.solid_waste_generated_t),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.5",
  },
  indicator "17.6" {
    name    = "Tỷ lệ bao gói thuốc bảo vệ thực vật sau sử dụng và chất thải rắn y tế được thu gom, xử lý đáp ứng yêu cầu về bảo vệ môi trường",
    measure = v.pesticide_pack_medical_waste_ok, must = true,
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.6",
  },
  indicator "17.7" {
    name    = "Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước sinh hoạt hợp vệ sinh và bảo đảm 3 sạch",
    measure = pct(v.households_hygienic_toilet_bath_tank, v.households_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.7",
  },
  indicator "17.8" {
    name    = "Tỷ lệ cơ sở chăn nuôi bảo đảm các quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường",
    measure = pct(v.livestock_households_hygienic_pens, v.livestock_households),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.8",
  },
  indicator "17.9" {
    name    = "Tỷ lệ hộ gia đình và cơ sở sản xuất, kinh doanh thực phẩm tuân thủ các quy định về bảo đảm an toàn thực phẩm",
    measure = pct(v.food_businesses_compliant, v.food_businesses_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.9",
  },
  indicator "17.10" {
    name    = "Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn",
    measure = pct(v.households_sorting_at_source, v.households_total),
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.10",
  },
  indicator "17.11" {
    name    = "Tỷ lệ chất thải nhựa phát sinh trên địa bàn được thu gom, tái sử dụng, tái chế, xử lý theo quy định",
    measure = v.plastic_waste_handled_pct, unit = "%",
    min     = unset(NOT_FOUND),
    cite    = Q .. "tiêu chí 17, chỉ tiêu 17.11",
  },
}

-- V. HỆ THỐNG CHÍNH TRỊ --------------------------------------------------------------
criterion "18" { name = "Hệ thống chính trị và tiếp cận pháp luật", group = "V",
  indicator "18.1" {
    name = "Cán bộ, công chức xã đạt chuẩn", measure = v.officials_meet_standard, must = true,
    cite = Q .. "tiêu chí 18, chỉ tiêu 18.1",
  },
  indicator "18.2" {
    name = "Đảng bộ, chính quyền xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên",
    measure = v.party_government_rated_good, must = true,
    cite = Q .. "tiêu chí 18, chỉ tiêu 18.2",
  },
  indicator "18.3" {
    name = "Tổ chức chính trị - xã hội của xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên",
    measure = v.mass_orgs_rated_good, must = true,
    cite = Q .. "tiêu chí 18, chỉ tiêu 18.3",
  },
  indicator "18.4" {
    name = "Tổ chức xây dựng xã đạt chuẩn tiếp cận pháp luật", measure = v.legal_access_standard, must = true,
    cite = Q .. "tiêu chí 18, chỉ tiêu 18.4",
  },
  indicator "18.5" {
    name = "Đảm bảo bình đẳng giới và phòng chống bạo lực gia đình; phòng chống xâm hại trẻ em; bảo vệ và hỗ trợ trẻ em có hoàn cảnh đặc biệt",
    measure = v.gender_equality_ok, must = true,
    cite = Q .. "tiêu chí 18, chỉ tiêu 18.5",
  },
}

criterion "19" { name = "Quốc phòng và An ninh", group = "V",
  indicator "19.1" {
    name = "Xây dựng lực lượng dân quân vững mạnh, rộng khắp và hoàn thành các chỉ tiêu quốc phòng",
    measure = v.militia_ok, must = true,
    cite = Q .. "tiêu chí 19, chỉ tiêu 19.1",
  },
  indicator "19.2" {
    name = "Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và đảm bảo bình yên",
    measure = v.security_safe_commune, must = true,
    cite = Q .. "tiêu chí 19, chỉ tiêu 19.2",
  },
}

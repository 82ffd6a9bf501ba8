-- Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030
-- QĐ 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ, Phụ lục I.
--
-- What is known (../shared/domain/ntm-2026-2030.md §1.3-1.5, criteria/SOURCES.md):
-- 10 criteria with 47 indicators, named in the sources; every criterion is set
-- per commune group (xã nhóm 1, 2, 3), not per the seven regions of QĐ 318. The
-- 47 indicators, which criterion each belongs to, and every value of the annex's
-- table were not found in any available text. So each criterion is one
-- indicator, the criterion's own: how many of its indicators the commune meets,
-- as the sectors assessed them against the column of the commune's group
-- (ntm51_cN_indicators_met), against a minimum that varies by group and is
-- unset in each: how many indicators the criterion sets for that group. An
-- analyst holding the annex replaces each with the annex's indicators.
--
-- Years: in force from 15/02/2026 (vneconomy). The whole of 2026 is judged by
-- this set: a year is judged on its figures after it ends, when 51/2025 is in
-- force, and QĐ 318 covers 2021-2025 only (ntm eval --level commune picks
-- vn-318-commune up to 2025, this set from 2026).
--
-- Recognitions under QĐ 318 do not carry over to merged communes by
-- themselves (ntm-2026-2030.md §1.8: no transition rule found; Điện Biên).

set {
  id       = "vn-51-2025-commune",
  title    = "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030",
  decision = "QĐ 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ, Phụ lục I",
  level    = "commune",
  years    = { 2026, 2030 },
  note     = "Thresholds vary by commune group (nhóm 1, 2, 3; import groups.csv) and are all unset: the annex's table was not found. In force from 15/02/2026; 2026 is judged by this set.",
}

local Q = "QĐ 51/2025/QĐ-TTg, Phụ lục I, "
-- The reason every minimum is unset, said for each group.
local function not_found(n, name)
  local why = "the annex's table was not found in any available text (the decision's full text was stored but only its preamble and Article 1 could be read); how many indicators criterion "
    .. n .. " (" .. name .. ") sets for a commune of this group is not known; nothing from memory"
  return by_group { [1] = unset(why), [2] = unset(why), [3] = unset(why) }
end

-- The ten criteria as vietnamplus (30/12/2025) prints them; the same names in
-- thoibaotaichinh, vneconomy and baonghean.
local CRITERIA = {
  { "1", "Quy hoạch", v.ntm51_c1_indicators_met },
  { "2", "Hạ tầng kinh tế - xã hội", v.ntm51_c2_indicators_met },
  { "3", "Phát triển kinh tế nông thôn", v.ntm51_c3_indicators_met },
  { "4", "Đào tạo nguồn nhân lực nông thôn", v.ntm51_c4_indicators_met },
  { "5", "Văn hóa, giáo dục, y tế", v.ntm51_c5_indicators_met },
  { "6", "Giảm nghèo và an sinh xã hội", v.ntm51_c6_indicators_met },
  { "7", "Khoa học công nghệ và chuyển đổi số", v.ntm51_c7_indicators_met },
  { "8", "Môi trường và cảnh quan nông thôn", v.ntm51_c8_indicators_met },
  { "9", "Xây dựng hệ thống chính trị và hành chính công", v.ntm51_c9_indicators_met },
  { "10", "Tiếp cận pháp luật và an ninh, quốc phòng", v.ntm51_c10_indicators_met },
}

for _, c in ipairs(CRITERIA) do
  local n, name, met = c[1], c[2], c[3]
  criterion(n) { name = name,
    indicator(n) {
      name    = "Số chỉ tiêu của tiêu chí " .. name .. " xã đạt, theo cột nhóm xã của xã (đánh giá của ngành)",
      measure = met, unit = "chỉ tiêu",
      min     = not_found(n, name),
      cite    = Q .. "tiêu chí " .. n .. " (" .. name .. "), chia theo 3 nhóm xã",
      note    = "One indicator stands for the criterion's indicators, which the sources do not list; met when the commune meets every indicator the criterion sets for its group.",
    },
  }
end

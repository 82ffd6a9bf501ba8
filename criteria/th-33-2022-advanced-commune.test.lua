-- Thanh Hóa's advanced commune set: the precondition on the province's own
-- commune set, and the draft clean-water indicator at 55 % (a provincial newspaper).
tests_for "th-33-2022-advanced-commune"

test "ĐK.1 reads Thanh Hóa's commune set" {
  year = 2024, region = "btb", data = {}, meets = { ["th-32-2022-commune"] = "met" },
  expect = { ["ĐK.1"] = "met" },
}
test "ĐK.1 the national commune set's result does not count" {
  year = 2024, region = "btb", data = {}, meets = { ["vn-318-commune"] = "met" },
  expect = { ["ĐK.1"] = "unknown" },
}
test "18.1 clean water exactly 55 % (687.5 of 1,250 households) is met" {
  year = 2024, region = "btb",
  data = { households_clean_water_centralised = 687.5, households_total = 1250, adv_living_env_met = true },
  expect = { ["18.1"] = "met" }, criteria = { ["18"] = "met" },
}
test "18.1 clean water just under 55 % (687 of 1,250 households) is unmet" {
  year = 2024, region = "btb",
  data = { households_clean_water_centralised = 687, households_total = 1250 },
  expect = { ["18.1"] = "unmet" },
}
test "18.1 Quảng Giao's 40 % of 2023 is unmet" {
  year = 2023, region = "btb",
  data = { households_clean_water_centralised = 500, households_total = 1250 },
  expect = { ["18.1"] = "unmet" },
}
test "18.1 Quảng Giao Q1/2024: 752 of 1,250 (60.16 %) is met" {
  year = 2024, region = "btb",
  data = { households_clean_water_centralised = 752, households_total = 1250 },
  expect = { ["18.1"] = "met" },
}

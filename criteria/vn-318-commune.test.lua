-- Criteria tests of the national commune set: values exactly at each
-- threshold that is set (met), just past it (unmet), missing figures
-- (unknown), thresholds the set leaves unset (met at the end of the
-- measure's domain, open inside it), "nếu có" (n/a).
tests_for "vn-318-commune"

test "2.1 all commune roads paved: exactly 100 % is met" {
  region = "btb", year = 2023,
  data = { road_commune_paved_km = 12.5, road_commune_total_km = 12.5 },
  expect = { ["2.1"] = "met" },
}
test "2.1 one metre short is unmet" {
  region = "btb", year = 2023,
  data = { road_commune_paved_km = 12.499, road_commune_total_km = 12.5 },
  expect = { ["2.1"] = "unmet" }, criteria = { ["2"] = "unmet" }, result = "unmet",
}
test "2.2 unset: 100 % meets any minimum; 2.3 without figures stays unknown" {
  region = "tdmnpb", year = 2023,
  data = { road_commune_paved_km = 10, road_commune_total_km = 10,
           road_village_hardened_km = 40, road_village_total_km = 40 },
  expect = { ["2.1"] = "met", ["2.2"] = "met", ["2.3"] = "unknown" },
  criteria = { ["2"] = "unknown" },
}
test "2.2 unset: 88 % is open (met if the minimum is at most 88), and so is criterion 2" {
  region = "tdmnpb", year = 2023,
  data = { road_commune_paved_km = 10, road_commune_total_km = 10,
           road_village_hardened_km = 35.2, road_village_total_km = 40,
           road_alley_hardened_km = 5, road_alley_total_km = 5,
           road_field_ok_km = 3, road_field_total_km = 3 },
  expect = { ["2.1"] = "met", ["2.2"] = "open", ["2.3"] = "met", ["2.4"] = "met" },
  criteria = { ["2"] = "open" },
}
test "2.1 unmet decides criterion 2 whatever 2.2's minimum" {
  region = "tdmnpb", year = 2023,
  data = { road_commune_paved_km = 9, road_commune_total_km = 10,
           road_village_hardened_km = 35.2, road_village_total_km = 40 },
  expect = { ["2.1"] = "unmet", ["2.2"] = "open", ["2.3"] = "unknown" },
  criteria = { ["2"] = "unmet" }, result = "unmet",
}
test "4.2 electricity at the tdmnpb draft threshold (95 %)" {
  region = "tdmnpb", year = 2023,
  data = { households_electricity_safe = 950, households_total = 1000 },
  expect = { ["4.2"] = "met" },
}
test "4.2 electricity just under the dbsh draft threshold (99 %)" {
  region = "dbsh", year = 2023,
  data = { households_electricity_safe = 989, households_total = 1000 },
  expect = { ["4.2"] = "unmet" },
}
test "6.3 every village with a cultural house" {
  year = 2023, region = "tdmnpb",
  data = { villages_with_culture_house = 12, villages_total = 12 },
  expect = { ["6.3"] = "met" },
}
test "6.3 one village without" {
  year = 2023, region = "tdmnpb",
  data = { villages_with_culture_house = 11, villages_total = 12 },
  expect = { ["6.3"] = "unmet" }, criteria = { ["6"] = "unmet" },
}
test "9.1 'Không': no temporary house is met" {
  year = 2023, region = "btb", data = { houses_temporary_dilapidated = 0 },
  expect = { ["9.1"] = "met" },
}
test "9.1 one temporary house is unmet" {
  year = 2023, region = "btb", data = { houses_temporary_dilapidated = 1 },
  expect = { ["9.1"] = "unmet" },
}
test "10 income exactly at the tdmnpb 2022 value (36)" {
  region = "tdmnpb", year = 2022, data = { income_per_capita_mvnd = 36 },
  expect = { ["10"] = "met" },
}
test "10 income in 2024 is held to the 2022 value" {
  region = "tdmnpb", year = 2024, data = { income_per_capita_mvnd = 36 },
  expect = { ["10"] = "met" },
}
test "10 income of 2024's level fails the 2025 value (48)" {
  region = "tdmnpb", year = 2025, data = { income_per_capita_mvnd = 47.99 },
  expect = { ["10"] = "unmet" },
}
test "10 income, btb 2025 at 54" {
  region = "btb", year = 2025, data = { income_per_capita_mvnd = 54 },
  expect = { ["10"] = "met" },
}
test "10 a unit without a threshold region is open, not judged" {
  year = 2023, data = { income_per_capita_mvnd = 80 },
  expect = { ["10"] = "open" },
}
test "13.4 nếu có: no craft village, not applicable" {
  year = 2023, region = "btb", data = { craft_villages_count = 0 },
  expect = { ["13.4"] = "n/a" },
}
test "13.4 craft villages without a plan" {
  year = 2023, region = "btb", data = { craft_villages_count = 2, craft_village_plan_ok = 0 },
  expect = { ["13.4"] = "unmet" },
}
test "13.4 missing the craft village count: unknown" {
  year = 2023, region = "btb", data = { craft_village_plan_ok = 1 },
  expect = { ["13.4"] = "unknown" },
}
test "13.1 at least one effective cooperative" {
  year = 2023, region = "btb", data = { coops_effective_count = 1 },
  expect = { ["13.1"] = "met" },
}
test "13.1 no effective cooperative" {
  year = 2023, region = "btb", data = { coops_effective_count = 0 },
  expect = { ["13.1"] = "unmet" },
}
test "15.4 e-health records exactly at the dbsh draft (70 %)" {
  year = 2023, region = "dbsh",
  data = { population_e_health_record = 7, population_total = 10 },
  expect = { ["15.4"] = "met" },
}
test "15.4 just under the tdmnpb draft (50 %)" {
  year = 2023, region = "tdmnpb",
  data = { population_e_health_record = 4999, population_total = 10000 },
  expect = { ["15.4"] = "unmet" },
}
test "15.4 dbscl's minimum was not found: 70 % is open" {
  year = 2023, region = "dbscl",
  data = { population_e_health_record = 7, population_total = 10 },
  expect = { ["15.4"] = "open" },
}
test "15.3 stunting exactly at the dbsh ceiling draft (16.5 %)" {
  year = 2023, region = "dbsh",
  data = { children_under5_stunted = 165, children_under5 = 1000 },
  expect = { ["15.3"] = "met" },
}
test "15.3 stunting just over the tdmnpb ceiling draft (24 %)" {
  year = 2023, region = "tdmnpb",
  data = { children_under5_stunted = 241, children_under5 = 1000 },
  expect = { ["15.3"] = "unmet" },
}
test "division by zero is unknown, not met" {
  year = 2023, region = "btb",
  data = { villages_with_culture_house = 0, villages_total = 0 },
  expect = { ["6.3"] = "unknown" },
}
test "yes/no indicators: 19 all met" {
  year = 2023, region = "btb", data = { militia_ok = 1, security_safe_commune = true },
  criteria = { ["19"] = "met" },
}

-- Criteria tests of Thanh Hóa's commune set (QĐ 32/2022/QĐ-UBND).
tests_for "th-32-2022-commune"

test "income: btb yearly values are not known, so 58 is open (any minimum up to 58 is met)" {
  region = "btb", year = 2023, data = { income_per_capita_mvnd = 58 },
  expect = { ["10"] = "open" },
}
test "income: a mountain commune judged by tdmnpb, at 36 in 2022" {
  region = "tdmnpb", year = 2022, data = { income_per_capita_mvnd = 36 },
  expect = { ["10"] = "met" },
}
test "income: tdmnpb just short in 2025" {
  region = "tdmnpb", year = 2025, data = { income_per_capita_mvnd = 47.9 },
  expect = { ["10"] = "unmet" },
}
test "the rest is the national set: 9.1 'Không'" {
  region = "btb", year = 2023, data = { houses_temporary_dilapidated = 1 },
  expect = { ["9.1"] = "unmet" }, criteria = { ["9"] = "unmet" }, result = "unmet",
}
test "the rest is the national set: 2.1 at 100 %" {
  region = "btb", year = 2023, data = { road_commune_paved_km = 6.2, road_commune_total_km = 6.2 },
  expect = { ["2.1"] = "met" },
}
test "17.1a centralised clean water at 20 %, the top of the 15-20 % range: met" {
  region = "btb", year = 2023, data = { households_clean_water_centralised = 250, households_total = 1250 },
  expect = { ["17.1a"] = "met" },
}
test "17.1a at 15 %, the bottom of the range: open (met if the minimum is 15)" {
  region = "btb", year = 2023, data = { households_clean_water_centralised = 187.5, households_total = 1250 },
  expect = { ["17.1a"] = "open" },
}
test "17.1a just under 15 %: unmet under every value the range allows" {
  region = "btb", year = 2023, data = { households_clean_water_centralised = 187, households_total = 1250 },
  expect = { ["17.1a"] = "unmet" },
}

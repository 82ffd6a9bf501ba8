-- Criteria tests of the national advanced commune set: the precondition
-- (the commune set met), the assessed criteria and the unset income.
tests_for "vn-318-advanced-commune"

test "ĐK.1 a commune meeting the commune set" {
  year = 2023, region = "tdmnpb", data = {}, meets = { ["vn-318-commune"] = "met" },
  expect = { ["ĐK.1"] = "met" },
}
test "ĐK.1 a commune not meeting it cannot be advanced" {
  year = 2023, region = "tdmnpb", data = {}, meets = { ["vn-318-commune"] = "unmet" },
  expect = { ["ĐK.1"] = "unmet" }, result = "unmet",
}
test "ĐK.1 no result under the commune set: unknown" {
  year = 2023, region = "tdmnpb", data = {}, meets = { ["vn-318-commune"] = "unknown" },
  expect = { ["ĐK.1"] = "unknown" },
}
test "17 assessed met, 18 assessed not met" {
  year = 2023, region = "btb", data = { adv_environment_met = true, adv_living_env_met = false },
  expect = { ["17"] = "met", ["18"] = "unmet" },
}
test "10 income: the annex's value is not set, so 70 is open" {
  year = 2023, region = "btb", data = { income_per_capita_mvnd = 70 },
  expect = { ["10"] = "open" },
}

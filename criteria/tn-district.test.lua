-- Thái Nguyên's district set is the national one as the province applies
-- it: the same conditions, from 2022.
tests_for "tn-district"

test "ĐK.1 and ĐK.2 as in QĐ 320" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 22, meeting = { ["vn-318-commune"] = 22, ["vn-318-advanced-commune"] = 2 } } },
  expect = { ["ĐK.1"] = "met", ["ĐK.2"] = "unmet" },
}
test "4 the inter-commune grid" {
  year = 2022, region = "tdmnpb", data = { grid_intercommune_ok = true },
  expect = { ["4"] = "met" }, criteria = { ["4"] = "met" },
}

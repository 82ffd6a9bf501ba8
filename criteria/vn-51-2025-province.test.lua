-- Criteria tests of the province rule 2026-2030 (Phụ lục III): judged on the
-- province's communes directly (no district level after 2025). The minimum
-- share is unset, so only 100 % (it meets any minimum) decides; a commune
-- without a result (a commune of a group not on record whose thresholds are
-- open counts as one) leaves the share unknown.
tests_for "vn-51-2025-province"

test "every commune meets the commune set: met whatever the minimum" {
  year = 2026, data = {},
  below = { commune = { count = 77, meeting = { ["vn-51-2025-commune"] = 77 } } },
  expect = { ["ĐK.1"] = "met" }, result = "met",
}
test "60 of 77 communes: open, it depends on the minimum" {
  year = 2028, data = {},
  below = { commune = { count = 77, meeting = { ["vn-51-2025-commune"] = 60 } } },
  expect = { ["ĐK.1"] = "open" }, result = "open",
}
test "a commune without a certain result (its group not on record): unknown" {
  year = 2026, data = {},
  below = { commune = { count = 77, meeting = { ["vn-51-2025-commune"] = 76 },
                        unknown = { ["vn-51-2025-commune"] = 1 } } },
  expect = { ["ĐK.1"] = "unknown" },
}

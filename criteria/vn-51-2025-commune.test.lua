-- Criteria tests of the national commune set 2026-2030. Every minimum is
-- unset in each commune group (the annex's table was not found), so a count
-- of indicators met decides nothing by itself: the results are open, for a
-- commune of group 1, of group 2 and of a group not on record alike, and
-- unknown where the figure is missing. When the annex is found, cases at each
-- group's value go here (exactly at it: met; one short: unmet).
tests_for "vn-51-2025-commune"

local ALL = {}
for n = 1, 10 do ALL["ntm51_c" .. n .. "_indicators_met"] = 5 end

test "nhóm 1: a count of indicators met is open against an unset minimum" {
  group = 1, year = 2026, data = { ntm51_c1_indicators_met = 5 },
  expect = { ["1"] = "open", ["2"] = "unknown" },
}
test "nhóm 2: the same count, the same open result" {
  group = 2, year = 2026, data = { ntm51_c1_indicators_met = 5 },
  expect = { ["1"] = "open" },
}
test "nhóm 3 in 2030, the set's last year" {
  group = 3, year = 2030, data = { ntm51_c3_indicators_met = 0 },
  expect = { ["3"] = "open" },
}
test "group not on record: open, whatever the group turns out to be" {
  year = 2026, data = { ntm51_c1_indicators_met = 5 },
  expect = { ["1"] = "open" },
}
test "every criterion counted, group not on record: the commune could meet the set" {
  year = 2027, data = ALL,
  criteria = { ["1"] = "open", ["10"] = "open" }, result = "open",
}
test "every criterion counted, nhóm 2: the same" {
  group = 2, year = 2027, data = ALL, result = "open",
}
test "a criterion without its count is unknown, and so is the commune" {
  group = 1, year = 2026, data = { ntm51_c1_indicators_met = 5 },
  criteria = { ["1"] = "open", ["10"] = "unknown" }, result = "unknown",
}

-- Criteria tests of the national district set: the conditions on the
-- communes below (given as counts: below = { commune = { count, meeting } }),
-- at and just past each threshold, and the district's own yes/no criteria.
tests_for "vn-320-district"

test "ĐK.1 every commune meets the commune set: 22 of 22 is met" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 22, meeting = { ["vn-318-commune"] = 22 } } },
  expect = { ["ĐK.1"] = "met" },
}
test "ĐK.1 one commune short: 21 of 22 is unmet" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 22, meeting = { ["vn-318-commune"] = 21 } } },
  expect = { ["ĐK.1"] = "unmet" }, criteria = { ["ĐK"] = "unmet" }, result = "unmet",
}
test "ĐK.1 a commune without a result leaves the share unknown" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 22, meeting = { ["vn-318-commune"] = 21 },
                        unknown = { ["vn-318-commune"] = 1 } } },
  expect = { ["ĐK.1"] = "unknown" },
}
test "ĐK.2 exactly 10 % of communes advanced (2 of 20) is met" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 20, meeting = { ["vn-318-advanced-commune"] = 2 } } },
  expect = { ["ĐK.2"] = "met" },
}
test "ĐK.2 2 of 22 (9.1 %) is unmet" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 22, meeting = { ["vn-318-advanced-commune"] = 2 } } },
  expect = { ["ĐK.2"] = "unmet" },
}
test "ĐK.2 Định Hóa 2023: 3 advanced of 22 communes is met" {
  year = 2023, region = "tdmnpb", data = {},
  below = { commune = { count = 22, meeting = { ["vn-318-advanced-commune"] = 3 } } },
  expect = { ["ĐK.2"] = "met" },
}
test "ĐK.3 the one township is a civilised urban area" {
  year = 2023, region = "tdmnpb", data = { towns_total = 1, towns_civilized = 1 },
  expect = { ["ĐK.3"] = "met" },
}
test "ĐK.3 a district without a township: not applicable" {
  year = 2023, region = "tdmnpb", data = { towns_total = 0, towns_civilized = 0 },
  expect = { ["ĐK.3"] = "n/a" },
}
test "ĐK.4 satisfaction exactly 90 % is met, ĐK.5 lowest commune at 80 % is met" {
  year = 2023, region = "tdmnpb", data = { resident_satisfaction_pct = 90 },
  below = { commune = { count = 3, data = { min_commune_content_satisfaction_pct = { 95, 80, 88 } } } },
  expect = { ["ĐK.4"] = "met", ["ĐK.5"] = "met" },
}
test "ĐK.4 89.9 % is unmet; ĐK.5 one commune at 79.9 % is unmet" {
  year = 2023, region = "tdmnpb", data = { resident_satisfaction_pct = 89.9 },
  below = { commune = { count = 3, data = { min_commune_content_satisfaction_pct = { 95, 79.9, 88 } } } },
  expect = { ["ĐK.4"] = "unmet", ["ĐK.5"] = "unmet" },
}
test "2.2 Định Hóa's roads 813/912 km (89.1 %) against an unset minimum: open" {
  year = 2023, region = "tdmnpb",
  data = { road_all_hardened_km = 813, road_all_total_km = 912, district_roads_standard = true,
           district_transport_links_ok = true },
  expect = { ["2.1"] = "met", ["2.2"] = "open", ["2.3"] = "met" }, criteria = { ["2"] = "open" },
}
test "9 yes/no: one of three not met fails the criterion" {
  year = 2023, region = "tdmnpb",
  data = { district_party_gov_rated_well = true, district_security_ok = false, district_public_admin_ok = true },
  criteria = { ["9"] = "unmet" },
}
test "the conditions all hold" {
  year = 2024, region = "tdmnpb",
  data = { towns_total = 1, towns_civilized = 1, resident_satisfaction_pct = 92 },
  below = { commune = { count = 22,
                        meeting = { ["vn-318-commune"] = 22, ["vn-318-advanced-commune"] = 3 },
                        data = { min_commune_content_satisfaction_pct = {
                          81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91,
                          81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91 } } } },
  criteria = { ["ĐK"] = "met" },
}

-- Criteria tests of the model commune conditions (QĐ 319).
tests_for "vn-319-model-commune"

test "KM.1 advanced commune; KM.3 one smart village; KM.4 one field" {
  year = 2024, region = "tdmnpb", data = { smart_villages_count = 1, model_fields_count = 1 },
  meets = { ["vn-318-advanced-commune"] = "met" },
  expect = { ["KM.1"] = "met", ["KM.3"] = "met", ["KM.4"] = "met" },
}
test "KM.3 no smart village, KM.4 no outstanding field: unmet" {
  year = 2024, region = "tdmnpb", data = { smart_villages_count = 0, model_fields_count = 0 },
  meets = { ["vn-318-advanced-commune"] = "unmet" },
  expect = { ["KM.1"] = "unmet", ["KM.3"] = "unmet", ["KM.4"] = "unmet" }, result = "unmet",
}
test "KM.2 income is relative to an unset threshold: open" {
  year = 2024, region = "tdmnpb", data = { income_per_capita_mvnd = 80 },
  expect = { ["KM.2"] = "open" },
}

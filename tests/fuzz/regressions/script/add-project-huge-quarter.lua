local unit = ntm.unit("Quảng Giao")
ntm.scenario("s", {})
ntm.add_project("s", { unit = unit.code, name = "p", year = 2024, quarter = 1e300 })

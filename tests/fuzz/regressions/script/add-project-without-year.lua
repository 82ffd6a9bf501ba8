local unit = ntm.unit("Quảng Giao")
ntm.scenario("s", {})
ntm.add_project("s", { unit = unit.code, name = "a project without a year" })

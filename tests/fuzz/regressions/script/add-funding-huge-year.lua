local unit = ntm.unit("Quảng Giao")
ntm.scenario("s", {})
ntm.add_funding("s", { unit = unit.code, year = 1e300, fund = "central", allocated = 1 })

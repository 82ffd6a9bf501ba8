/* test_geojson.c - the boundaries reader (geojson.h): the JSON grammar
 * (escapes, numbers, nesting, what is refused and where), the GeoJSON shape
 * (Polygon, MultiPolygon, holes, properties) and its errors, and the
 * bundled maps. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geojson.h"
#include "i18n.h"

/* A FeatureCollection of the features given (JSON text, comma-separated). */
static char *fc(const char *features)
{
	static const char head[] = "{\"type\":\"FeatureCollection\",\"features\":[";
	size_t n = strlen(head) + strlen(features) + 4;
	char *s = malloc(n);

	assert_non_null(s);
	snprintf(s, n, "%s%s]}", head, features);
	return s;
}

#define SQUARE "[[[105,21],[105.1,21],[105.1,21.1],[105,21.1],[105,21]]]"
#define FEAT(code, geom) "{\"type\":\"Feature\",\"properties\":{\"code\":\"" code "\",\"name\":\"x\"}," \
	"\"geometry\":" geom "}"

/* Parses text; returns 0 or -1, the message in msg. */
static int parse(const char *text, struct geojson *g, char *msg, size_t cap)
{
	struct ntm_err err = { 0 };
	int rc = geojson_parse(text, strlen(text), "t.geojson", g, &err);

	snprintf(msg, cap, "%s", err.set ? err.msg : "");
	return rc;
}

static void expect_error(const char *text, const char *want)
{
	struct geojson g;
	char msg[NTM_ERR_MAX];

	assert_int_equal(parse(text, &g, msg, sizeof msg), -1);
	assert_string_equal(msg, want);
	assert_int_equal(g.n, 0);
	geojson_free(&g);
}

static void shapes(void **state)
{
	char *t = fc(FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}") ","
	             FEAT("B", "{\"type\":\"MultiPolygon\",\"coordinates\":["
	                  "[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]],"
	                  "[[[5,5],[6,5],[6,6.5,100],[5,5]]]]}"));
	struct geojson g;
	char msg[512];

	(void)state;
	assert_int_equal(parse(t, &g, msg, sizeof msg), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.f[0].code, "A");
	assert_string_equal(g.f[0].name, "x");
	assert_int_equal(g.f[0].nring, 1);
	assert_int_equal(g.f[0].npoly, 1);
	assert_int_equal(g.f[1].nring, 3);
	assert_int_equal(g.f[1].npoly, 2);
	/* B's hole belongs to its first polygon; the third ring is the second polygon's outer one */
	assert_int_equal(g.ring[g.f[1].ring0 + 1].hole, 1);
	assert_int_equal(g.ring[g.f[1].ring0 + 1].poly, 0);
	assert_int_equal(g.ring[g.f[1].ring0 + 2].hole, 0);
	assert_int_equal(g.ring[g.f[1].ring0 + 2].poly, 1);
	assert_int_equal(g.nring, 4);
	assert_int_equal(g.npt, 5 + 5 + 4 + 4);
	/* an altitude is read past */
	assert_true(g.pt[2 * g.ring[3].off + 5] == 6.5);
	assert_true(g.pt[2] == 105.1 && g.pt[3] == 21);
	geojson_free(&g);
	free(t);
}

static void strings_and_numbers(void **state)
{
	/* every escape, a surrogate pair, a BOM, numbers in every form */
	const char *t = "\xEF\xBB\xBF { \"type\" : \"FeatureCollection\", \"features\" : [ {\"type\":\"Feature\","
	                "\"properties\":{\"code\":\"05569\",\"name\":\"\\u0110\\u1ecbnh H\\u00f3a \\\"\\\\\\/\\b\\f\\n\\r\\t\\ud83d\\ude00\","
	                "\"extra\":[true,false,null,{},[],-0,1e2,1.5E-3,-12.25e+1]},"
	                "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-180,-90],[180,90],[1e2,-0.5e1],[-180,-90]]]}}]}\r\n";
	struct geojson g;
	char msg[512];

	(void)state;
	assert_int_equal(parse(t, &g, msg, sizeof msg), 0);
	assert_string_equal(g.f[0].code, "05569");
	assert_string_equal(g.f[0].name, "Định Hóa \"\\/\b\f\n\r\t\xF0\x9F\x98\x80");
	assert_true(g.pt[4] == 100 && g.pt[5] == -5);
	geojson_free(&g);
}

static void syntax_errors(void **state)
{
	(void)state;
	expect_error("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [ {} {} ]\n}",
	             "t.geojson:3:20: expected ',' or ']' in an array, found '{'");
	expect_error("{\"a\": 1,}", "t.geojson:1:9: expected a key (a string in double quotes) in an object, found '}'");
	expect_error("{\"a\" 1}", "t.geojson:1:6: expected ':' after a key in an object, found '1'");
	expect_error("[1, 2", "t.geojson:1:6: expected ',' or ']' in an array, found the end of the file");
	expect_error("", "t.geojson:1:1: expected a value, found the end of the file");
	expect_error("[01]", "t.geojson:1:3: expected ',' or ']' in an array, found '1'");
	expect_error("[1.]", "t.geojson:1:4: expected a digit after '.' in a number, found ']'");
	expect_error("[1e]", "t.geojson:1:4: expected a digit in the exponent of a number, found ']'");
	expect_error("[-]", "t.geojson:1:3: expected a digit in a number, found ']'");
	expect_error("[1e999]", "t.geojson:1:2: number 1e999 is out of range");
	expect_error("[tru]", "t.geojson:1:2: expected a value (an object, array, string, number, true, "
	             "false or null), found 't'");
	expect_error("['a']", "t.geojson:1:2: expected a value (an object, array, string, number, true, "
	             "false or null), found '''");
	expect_error("{} {}", "t.geojson:1:4: expected the end of the file after the top value, found '{'");
	expect_error("[\"a\tb\"]", "t.geojson:1:4: a control character (0x09) in a string; write it "
	             "escaped (\\n, \\t, \\u00XX)");
	expect_error("[\"ab", "t.geojson:1:2: a string that does not end (no closing '\"')");
	expect_error("[\"\\x\"]", "t.geojson:1:4: expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t "
	             "\\uXXXX) after '\\', found 'x'");
	expect_error("[\"\\u12G4\"]", "t.geojson:1:7: expected four hexadecimal digits after \\u in a "
	             "string, found 'G'");
	expect_error("[\"\\ud800x\"]", "t.geojson:1:3: \\uD800 is the first half of a surrogate pair, "
	             "without its second (\\uDC00 to \\uDFFF)");
	expect_error("[\"\\udc00\"]", "t.geojson:1:3: \\uDC00 is the second half of a surrogate pair, "
	             "without its first");
	expect_error("[\"\\u0000\"]", "t.geojson:1:3: \\u0000 (a NUL character) in a string");
	/* the column counts characters, not bytes */
	expect_error("[\"Định\" x]", "t.geojson:1:9: expected ',' or ']' in an array, found 'x'");
	expect_error("[\"\xC3\x28\"]", "t.geojson:1:3: the file is not UTF-8 text");
}

static void depth(void **state)
{
	char deep[200];
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		deep[i] = '[';
	deep[40] = '\0';
	expect_error(deep, "t.geojson:1:33: more than 32 arrays and objects inside one another");
	/* as deep as allowed is read, and then it is not a FeatureCollection */
	for (i = 0; i < 32; i++) {
		deep[i] = '[';
		deep[32 + i] = ']';
	}
	deep[64] = '\0';
	expect_error(deep, "t.geojson:1:1: expected a GeoJSON FeatureCollection (an object), found an array");
}

static void shape_errors(void **state)
{
	struct { const char *features, *want; } cases[] = {
		{ FEAT("A", "{\"type\":\"Point\",\"coordinates\":[1,2]}"),
		  "t.geojson:1:115: feature 1 (A): geometry type \"Point\" cannot be drawn (Polygon or MultiPolygon expected)" },
		{ FEAT("A", "null"),
		  "t.geojson:1:107: feature 1 (A): expected \"geometry\": a Polygon or MultiPolygon, found null" },
		{ "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}",
		  "t.geojson:1:72: feature 1: expected properties.code, the unit's code (a string), found nothing" },
		{ "{\"type\":\"Feature\",\"properties\":{\"code\":5569},\"geometry\":null}",
		  "t.geojson:1:80: feature 1: properties.code is a number; write the code as a string (\"05569\"), or its leading zeros are lost" },
		{ "{\"type\":\"Feature\",\"geometry\":null}",
		  "t.geojson:1:41: feature 1: expected \"properties\": an object with the unit's \"code\", found nothing" },
		{ "{\"type\":\"feature\"}",
		  "t.geojson:1:49: feature 1: expected \"type\": \"Feature\", found \"feature\"" },
		{ "[]", "t.geojson:1:41: feature 1: expected an object {\"type\": \"Feature\", ...}, found an array" },
		{ FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3,4],[1,2]]]}"),
		  "t.geojson:1:140: feature 1 (A): ring 1 has 3 positions; a ring has at least 4 (the last repeating the first)" },
		{ FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3,4],[5,6],[1,3]]]}"),
		  "t.geojson:1:140: feature 1 (A): ring 1 is not closed: its last position must repeat its first" },
		{ FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3,4],[5,-91],[1,2]]]}"),
		  "t.geojson:1:153: feature 1 (A): ring 1, position 3: [5, -91] is not a longitude (-180 to 180) and a latitude (-90 to 90)" },
		{ FEAT("A", "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1,2],[3,4],[\"5\",6],[1,2]]]]}"),
		  "t.geojson:1:159: feature 1 (A): ring 1 of polygon 1, position 3: expected [longitude, latitude], found an array of other values" },
		{ FEAT("A", "{\"type\":\"MultiPolygon\",\"coordinates\":" SQUARE "}"),
		  "t.geojson:1:146: feature 1 (A): ring 1 of polygon 1 has 2 positions; a ring has at least 4 (the last repeating the first)" },
		{ FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":[]}"),
		  "t.geojson:1:139: feature 1 (A): expected the coordinates of a Polygon (an array of rings), found an array that is empty" },
		{ FEAT("A", "{\"type\":\"Polygon\"}"),
		  "t.geojson:1:107: feature 1 (A): the geometry has no \"coordinates\"" },
		{ FEAT("A", "{\"type\":\"Polygon\",\"type\":\"Polygon\"}"),
		  "t.geojson:1:125: \"type\" given twice in one object" },
		{ FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}") ","
		  FEAT("A", "{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}"),
		  "t.geojson:1: feature 2 (A): feature 1 has that code already; one feature per unit (a unit in several parts is one MultiPolygon)" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = fc(cases[i].features);

		expect_error(t, cases[i].want);
		free(t);
	}
	expect_error("{\"type\":\"Feature\"}", "t.geojson:1:9: expected \"type\": \"FeatureCollection\" (a Feature per unit), found \"Feature\"");
	expect_error("{\"type\":\"FeatureCollection\"}", "t.geojson:1:1: expected \"features\": an array of Features, found nothing");
}

static void files(void **state)
{
	struct ntm_err err = { 0 };
	struct geojson g;

	(void)state;
	assert_int_equal(geojson_read("plots/boundaries/map-2025-19_thai_nguyen.geojson", &g, &err), 0);
	assert_int_equal(g.n, 92);
	geojson_free(&g);
	assert_int_equal(geojson_read("plots/boundaries/map-2025-38_thanh_hoa.geojson", &g, &err), 0);
	assert_int_equal(g.n, 166);
	geojson_free(&g);
	assert_int_equal(geojson_read("plots/boundaries", &g, &err), -1);
	assert_string_equal(err.msg, "plots/boundaries: not a file");
	assert_int_equal(geojson_read("plots/none.geojson", &g, &err), -1);
	assert_string_equal(err.msg, "plots/none.geojson: cannot open: No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shapes),
		cmocka_unit_test(strings_and_numbers),
		cmocka_unit_test(syntax_errors),
		cmocka_unit_test(depth),
		cmocka_unit_test(shape_errors),
		cmocka_unit_test(files),
	};

	i18n_init("en");   /* the messages compared are the English ones */
	return cmocka_run_group_tests(tests, NULL, NULL);
}

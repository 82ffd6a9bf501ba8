/* luadump.c - build tool: compiles a Lua source (text only) read on stdin
 * under a given chunk name and writes its bytecode, debug information
 * kept, to stdout, for bin2c to embed. Used for the criteria prelude, so
 * the binary loads it without compiling it at every start. Calls liblua,
 * the same the binary links: bytecode is good only for the Lua build that
 * made it. */
#include <stdio.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lua.h>

static int put(lua_State *L, const void *p, size_t n, void *ud)
{
	(void)L;
	return fwrite(p, 1, n, ud) == n ? 0 : 1;
}

int main(int argc, char **argv)
{
	lua_State *L = NULL;
	char *text = NULL;
	size_t len = 0, cap = 0, got;
	int rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: luadump CHUNKNAME < in.lua > out.luac\n");
		return 2;
	}
	do {
		if (len == cap) {
			char *p = realloc(text, cap = cap ? 2 * cap : 65536);
			if (!p) {
				fprintf(stderr, "luadump: out of memory\n");
				goto done;
			}
			text = p;
		}
		len += got = fread(text + len, 1, cap - len, stdin);
	} while (got > 0);
	if (ferror(stdin)) {
		fprintf(stderr, "luadump: cannot read the source\n");
		goto done;
	}
	if (!(L = luaL_newstate())) {
		fprintf(stderr, "luadump: cannot create the Lua state: out of memory\n");
		goto done;
	}
	/* the chunk name is the runtime's ("=prelude"): error messages and
	 * tracebacks carry it (and line numbers: strip is 0), and the sandbox
	 * filters traceback lines by it */
	if (luaL_loadbufferx(L, text, len, argv[1], "t") != LUA_OK)
		fprintf(stderr, "luadump: %s\n", lua_tostring(L, -1));
	else if (lua_dump(L, put, stdout, 0) != 0 || fflush(stdout) != 0 || ferror(stdout))
		fprintf(stderr, "luadump: cannot write the bytecode\n");
	else
		rc = 0;
done:
	if (L)
		lua_close(L);
	free(text);
	return rc;
}

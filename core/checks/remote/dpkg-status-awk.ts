/**
 * The installed Debian packages read straight from dpkg's status file (deb-status(5): one paragraph
 * a package), as Trivy and Syft read it, at a third of dpkg-query's cost on the target. Prints what
 * `dpkg-query -W -f '${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n'` prints: want,
 * state and error flag ("ii "), name, version, architecture; packages not installed at all are left
 * out. POSIX awk (mawk, gawk, BusyBox); no single quote, since the probe holds it in one.
 */
export const DPKG_STATUS_AWK = String.raw`BEGIN { RS = ""; FS = "\n"
  split("unknown u install i hold h deinstall r purge p", w, " "); for (i = 1; i < 10; i += 2) want[w[i]] = w[i + 1]
  split("not-installed n config-files c half-installed H unpacked U half-configured F triggers-awaited W triggers-pending t installed i", w, " ")
  for (i = 1; i < 16; i += 2) state[w[i]] = w[i + 1] }
{ p = s = v = a = ""
  for (i = 1; i <= NF; i++) {
    if ($i ~ /^Package: /) p = substr($i, 10); else if ($i ~ /^Status: /) s = substr($i, 9)
    else if ($i ~ /^Version: /) v = substr($i, 10); else if ($i ~ /^Architecture: /) a = substr($i, 15) }
  n = split(s, f, " ")
  if (p == "" || n != 3 || f[3] == "not-installed") next
  printf "%s%s%s\t%s\t%s\t%s\n", want[f[1]], state[f[3]], (f[2] == "ok" ? " " : "R"), p, v, a }`;

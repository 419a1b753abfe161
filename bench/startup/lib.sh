# Shared by the start-up benchmarks (run.sh, ab.sh, ab-launcher.sh); sourced, not run.

# until_first_200 PORT PID LOG: polls / on PORT until it answers 200; when PID ends first, prints
# the end of LOG and exits 1. 20 ms between polls: a tight curl loop alone kept half a core busy,
# which a 2-core machine took from the JVM being measured.
until_first_200() {
  until curl -sf -o /dev/null "http://127.0.0.1:$1/"; do
    kill -0 "$2" 2>/dev/null || { tail -20 "$3" >&2; exit 1; }
    sleep 0.02
  done
}

# cpu_ms PID: the CPU time (user + sys, all threads) the process has used so far, in ms
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"
}

# median: of the numbers on standard input, one a line
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

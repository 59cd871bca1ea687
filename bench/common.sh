# Sourced by hook.sh and derive.sh: the paths, the built jar, the launcher's JVM flags (the floor
# runs the hello-world with them) and the compiled hello-world.
bench=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
repo=$(dirname "$bench")
out=$bench/out
launcher=$repo/hooks/atomizer
[ -f "$repo/atomizer-cli/target/atomizer.jar" ] || { echo "bench: build first: (cd '$repo' && mvn -B install -DskipTests)" >&2; exit 2; }
mkdir -p "$out"
flags=$(sed -n 's/^exec "\$java" \(.*\) \${ATOMIZER_JAVA_OPTS.*/\1/p' "$launcher")
[ -n "$flags" ] || { echo "bench: cannot read the JVM flags from $launcher" >&2; exit 2; }
[ -f "$out/Hello.class" ] || javac -d "$out" "$bench/Hello.java"

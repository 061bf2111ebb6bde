#!/usr/bin/env bash
# NetGen as a user gets it. Packs the NetGen package; in a fresh console project outside the repository, adds it
# with one `dotnet add package NetGen` from that local folder (other packages from the usual feed), with a
# package cache of its own so that no NetGen restored before can stand in; declares two networks, trains them,
# saves and loads model files (scripts/consumer/Program.cs), builds and runs it and checks its output. Then builds
# it again for net8.0 and at C# 9, the minimum, and publishes it with NativeAOT: no IL2xxx/IL3xxx warning, and the
# same output as the JIT build. NativeAOT needs clang and zlib1g-dev (.ci/run installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/netgen-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/nuget-packages"
step() { echo "consumer-test: $*"; }
fail() { echo "consumer-test: FAILED: $*" >&2; exit 1; }

step "packing NetGen into $work/packages"
# src/Runtime is the one packable project: this is `dotnet pack` from the repository root, without building the tests.
dotnet pack "$root/src/Runtime" -c Release -o "$work/packages" -nologo -v quiet
package=$(cd "$work/packages" && ls NetGen.*.nupkg)
version=${package#NetGen.}
version=${version%.nupkg}

app="$work/app/Consumer"
mkdir -p "$app"
cat > "$work/app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="netgen-local" value="$work/packages" />
  </packageSources>
</configuration>
CONFIG
cd "$app"
step "a fresh console project in $app"
dotnet new console --framework net10.0 --no-restore >/dev/null
step "dotnet add package NetGen"
dotnet add package NetGen >"$work/add.log" 2>&1 || { cat "$work/add.log"; fail "dotnet add package NetGen"; }
grep -q "<PackageReference Include=\"NetGen\" Version=\"$version\" />" Consumer.csproj || { cat Consumer.csproj; fail "the project does not reference NetGen $version"; }
# The package restored is the one just packed, byte for byte.
expected=$(openssl dgst -sha512 -binary "$work/packages/$package" | base64 -w0)
[ "$(cat "$NUGET_PACKAGES/netgen/$version/netgen.$version.nupkg.sha512")" = "$expected" ] || fail "the restored NetGen is not the package just packed"
cp "$root/scripts/consumer/Program.cs" Program.cs

step "build and run (net10.0, JIT)"
dotnet build -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
mkdir -p "$work/jit" "$work/aot-run"
dotnet bin/Release/net10.0/Consumer.dll "$work/jit" | tee "$work/jit.txt"
grep -qx "consumer: OK" "$work/jit.txt" || fail "the program's checks"
grep -qx "xor: 4 of 4 correct" "$work/jit.txt" || fail "XOR not learned"
grep -qx "model files: reloaded identical networks" "$work/jit.txt" || fail "model files"

step "build for net8.0"
sed -i 's#<TargetFramework>net10.0</TargetFramework>#<TargetFramework>net8.0</TargetFramework>#' Consumer.csproj
dotnet build -c Release -nologo -v quiet >"$work/build8.log" 2>&1 || { cat "$work/build8.log"; fail "net8.0 build"; }
sed -i 's#<TargetFramework>net8.0</TargetFramework>#<TargetFramework>net10.0</TargetFramework>#' Consumer.csproj

step "build at C# 9, the minimum (without implicit usings, a C# 10 feature)"
dotnet build -c Release -nologo -v quiet -p:LangVersion=9.0 -p:ImplicitUsings=disable >"$work/build9.log" 2>&1 || { cat "$work/build9.log"; fail "C# 9 build"; }

step "publish with NativeAOT"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish -c Release -r "$rid" -p:PublishAot=true -o "$work/aot" -nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; fail "NativeAOT publish"; }
warnings=$(grep -oE "warning IL[23][0-9]{3}[^[]*" "$work/publish.log" | sort -u || true)
[ -z "$warnings" ] || { echo "$warnings"; fail "NativeAOT publish warned"; }
"$work/aot/Consumer" "$work/aot-run" >"$work/aot.txt"
diff "$work/jit.txt" "$work/aot.txt" || fail "the NativeAOT build prints something else than the JIT build"
step "NativeAOT: no IL2xxx/IL3xxx warning, same output"
step "passed"

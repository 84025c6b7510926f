using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Nooks.Generator
{
    // Kernel side: the native bindings (imports bound straight to KernelServices), the checking
    // wrappers isolated extensions are bound to, and the table the loader binds imports with.
    internal static class KernelEmitter
    {
        private const string Namespace = "Nooks.Isolation.Generated";
        private const string Gate = "global::Nooks.Isolation.Gate";
        private const string Services = "global::Nooks.Services.KernelServices";
        private const string UnmanagedCallersOnly = "[global::System.Runtime.InteropServices.UnmanagedCallersOnly]";
        // Locals of the wrappers; the prefix keeps them apart from any parameter name.
        private const string Domain = "__domain";
        private const string Result = "__result";

        public static string EmitNativeBindings(KernelApiModel api)
        {
            var source = Begin("internal static unsafe class NativeBindings");
            foreach (var call in api.Calls)
            {
                if (call.Index > 0) source.Line();
                source.Line(UnmanagedCallersOnly)
                    .Line("internal static " + call.ReturnType + " " + call.Name + "(" + Signatures.Parameters(call) + ") => "
                        + Services + "." + call.Name + "(" + Signatures.Arguments(call) + ");");
            }
            return source.Close().Close().ToString();
        }

        public static string EmitWrappers(KernelApiModel api)
        {
            var source = Begin("internal static unsafe class Wrappers");
            foreach (var call in api.Calls) EmitWrapper(source, call);
            return source.Close().Close().ToString();
        }

        // Checks, then the call. Wrappers do not track: the services record what they hand out
        // and take back themselves, because native extensions, which bypass wrappers, must be
        // tracked too. Every check failure goes to BadCall, which fails the domain and does not
        // come back; the if/else chain still leads every path that does come back through LeaveKernel.
        private static void EmitWrapper(SourceWriter source, KernelCall call)
        {
            string index = call.Index.ToString(CultureInfo.InvariantCulture);
            if (call.Index > 0) source.Line();
            source.Line(UnmanagedCallersOnly)
                .Open("internal static " + call.ReturnType + " " + call.Name + "(" + Signatures.Parameters(call) + ")")
                .Line("var " + Domain + " = " + Gate + ".EnterKernel(" + index + ");");
            if (call.Result != ResultKind.Void) source.Line(call.ReturnType + " " + Result + " = default;");

            var checks = Checks(call);
            for (int i = 0; i < checks.Count; i++)
            {
                source.Line((i == 0 ? "if (!(" : "else if (!(") + checks[i].Condition + "))")
                    .Indented(Gate + ".BadCall(" + Domain + ", " + index + ", " + Signatures.Literal(call.Symbol + ": " + checks[i].Problem) + ");");
            }
            if (checks.Count > 0) source.Open("else");

            string target = call.Deferrable
                ? Services + ".Defer" + call.Name + "(" + Signatures.Arguments(call, Domain) + ")"
                : Services + "." + call.Name + "(" + Signatures.Arguments(call) + ")";
            source.Line((call.Result == ResultKind.Void ? "" : Result + " = ") + target + ";");

            if (checks.Count > 0) source.Close();
            source.Line(Gate + ".LeaveKernel(" + Domain + ");");
            if (call.Result != ResultKind.Void) source.Line("return " + Result + ";");
            source.Close();
        }

        // A deferrable call whose arguments are all integers or handles is bound, in isolated
        // mode, to a stub that runs inside the domain and appends the call to the domain's ring
        // (no crossing); the kernel checks and runs it when the outermost crossing returns.
        // Buffers would have to be copied while the call is made, so such calls keep their wrapper.
        public static bool IsQueuedInDomain(KernelCall call)
        {
            if (!call.Deferrable || call.Result != ResultKind.SignedInteger || call.ReturnType != "int") return false;
            if (call.Parameters.Length > MaxQueuedArguments) return false;
            foreach (var p in call.Parameters)
            {
                if (p.Type.EndsWith("*") || p.Type.StartsWith("delegate*") || p.IsEntryPoint
                    || p.InBufferLength is not null || p.OutBufferLength is not null
                    || p.InStructType is not null || p.OutStructType is not null) return false;
            }
            return true;
        }

        // DeferredRing.Fields - 1 in the kernel (the generator cannot reference kernel code).
        private const int MaxQueuedArguments = 3;
        private const string DomainQueue = "global::Nooks.Isolation.DomainQueue";

        public static string EmitDomainQueueStubs(KernelApiModel api)
        {
            var source = Begin("internal static unsafe class DomainQueueStubs");
            bool first = true;
            foreach (var call in api.Calls)
            {
                if (!IsQueuedInDomain(call)) continue;
                if (!first) source.Line();
                first = false;
                var arguments = new StringBuilder();
                for (int i = 0; i < MaxQueuedArguments; i++)
                    arguments.Append(", ").Append(i < call.Parameters.Length ? "(long)" + call.Parameters[i].Identifier : "0");
                source.Line(UnmanagedCallersOnly)
                    .Line("internal static int " + call.Name + "(" + Signatures.Parameters(call) + ") => "
                        + DomainQueue + ".Append(" + call.Index + arguments + ");");
            }
            return source.Close().Close().ToString();
        }

        // Taking a domain's ring over: each entry checked as its wrapper would check the call,
        // then handed to the same Defer<Name> service. Returns null, or what was wrong.
        public static string EmitDeferredCalls(KernelApiModel api)
        {
            var source = Begin("internal static unsafe class DeferredCalls")
                .Open("internal static string Run(global::Nooks.Isolation.Domain " + Domain + ", long call, long a0, long a1, long a2)")
                .Open("switch (call)");
            foreach (var call in api.Calls)
            {
                if (!IsQueuedInDomain(call)) continue;
                string index = call.Index.ToString(CultureInfo.InvariantCulture);
                source.Open("case " + index + ":");
                for (int i = 0; i < call.Parameters.Length; i++)
                    source.Line(call.Parameters[i].Type + " " + call.Parameters[i].Identifier + " = (" + call.Parameters[i].Type + ")a" + i + ";");
                foreach (var check in Checks(call))
                    source.Line("if (!(" + check.Condition + ")) return " + Signatures.Literal(call.Symbol + ": " + check.Problem) + ";");
                source.Line("global::Nooks.Isolation.Statistics.CountQueued(" + index + ");")
                    .Line(Services + ".Defer" + call.Name + "(" + Signatures.Arguments(call, Domain) + ");")
                    .Line("return null;")
                    .Close();
            }
            source.Line("default: return \"a call that cannot be queued in the domain\";").Close().Close();
            return source.Close().Close().ToString();
        }

        // Sizes are bounded before any buffer check uses them as lengths.
        private static List<(string Condition, string Problem)> Checks(KernelCall call)
        {
            var checks = new List<(string Condition, string Problem)>();
            foreach (var p in call.Parameters)
            {
                if (p.AtMost is not null)
                {
                    checks.Add(("0 <= " + p.Identifier + " && " + p.Identifier + " <= " + p.AtMost, p.Name + " is not in 0.." + p.AtMost));
                }
            }
            foreach (var p in call.Parameters)
            {
                if (p.Handle is not null)
                {
                    checks.Add((Domain + ".Tracker.Holds(" + p.Handle.Expression + ", (ulong)" + p.Identifier + ")",
                        p.Name + " is not a " + p.Handle.Name + " the extension holds"));
                }
            }
            foreach (var p in call.Parameters)
            {
                if (p.InBufferLength is not null)
                {
                    checks.Add((Domain + ".CanRead(" + p.Identifier + ", " + p.InBufferLength + ")",
                        p.Name + " is not readable for " + p.InBufferLength.TrimStart('@') + " bytes"));
                }
                if (p.OutBufferLength is not null)
                {
                    checks.Add((Domain + ".CanWrite(" + p.Identifier + ", " + p.OutBufferLength + ")",
                        p.Name + " is not writable for " + p.OutBufferLength.TrimStart('@') + " bytes"));
                }
                if (p.InStructType is not null)
                {
                    checks.Add((Domain + ".CanRead(" + p.Identifier + ", sizeof(" + p.InStructType + "))",
                        p.Name + " is not a readable " + ShortName(p.InStructType)));
                }
                if (p.OutStructType is not null)
                {
                    checks.Add((Domain + ".CanWrite(" + p.Identifier + ", sizeof(" + p.OutStructType + "))",
                        p.Name + " is not a writable " + ShortName(p.OutStructType)));
                }
            }
            foreach (var p in call.Parameters)
            {
                if (p.IsEntryPoint)
                {
                    checks.Add((Domain + ".IsCode((void*)" + p.Identifier + ")", p.Name + " is not code of the extension"));
                }
            }
            if (call.MayBlock)
            {
                checks.Add((Domain + ".MayBlock()", "may block, but the caller may not sleep (interrupt handler or timer, lock held, or entered with interrupts off)"));
            }
            return checks;
        }

        public static string EmitTable(KernelApiModel api)
        {
            var source = Begin("public static unsafe class KernelApiTable")
                .Line("public const int Version = " + api.Version.ToString(CultureInfo.InvariantCulture) + ";")
                .Line("public const int CallCount = " + api.Calls.Length.ToString(CultureInfo.InvariantCulture) + ";")
                .Line();

            source.Line("// The symbol extensions import call `index` by; null for an index past the table.")
                .Open("public static string CallName(int index)")
                .Open("switch (index)");
            foreach (var call in api.Calls) source.Line("case " + call.Index + ": return " + Signatures.Literal(call.Symbol) + ";");
            source.Line("default: return null;").Close().Close().Line();

            EmitIndexOf(source, api);
            EmitAddresses(source, api, "NativeAddress", "NativeBindings");
            source.Line();
            EmitAddresses(source, api, "WrapperAddress", "Wrappers");
            source.Line();
            EmitIsolatedAddresses(source, api);
            return source.Close().Close().ToString();
        }

        // Grouped by length so that a lookup compares bytes of only the symbols that can match.
        private static void EmitIndexOf(SourceWriter source, KernelApiModel api)
        {
            var byLength = new SortedDictionary<int, List<KernelCall>>();
            foreach (var call in api.Calls)
            {
                if (!byLength.TryGetValue(call.Symbol.Length, out var calls)) byLength.Add(call.Symbol.Length, calls = new List<KernelCall>());
                calls.Add(call);
            }

            source.Line("// `symbol` is an import's name as the ELF string table holds it, without the terminating NUL.")
                .Open("public static int IndexOf(global::System.ReadOnlySpan<byte> symbol)")
                .Open("switch (symbol.Length)");
            foreach (var group in byLength)
            {
                source.Line("case " + group.Key + ":");
                foreach (var call in group.Value)
                {
                    var condition = new StringBuilder();
                    for (int i = 0; i < call.Symbol.Length; i++)
                    {
                        if (i > 0) condition.Append(" && ");
                        condition.Append("symbol[").Append(i).Append("] == (byte)'").Append(call.Symbol[i]).Append('\'');
                    }
                    source.Indented("if (" + condition + ") return " + call.Index + ";");
                }
                source.Indented("return -1;");
            }
            source.Line("default: return -1;").Close().Close().Line();
        }

        private static void EmitAddresses(SourceWriter source, KernelApiModel api, string name, string bindings)
        {
            source.Open("public static ulong " + name + "(int index)").Open("switch (index)");
            foreach (var call in api.Calls)
            {
                source.Line("case " + call.Index + ": return (ulong)(" + Signatures.UnmanagedPointerType(call) + ")&" + bindings + "." + call.Name + ";");
            }
            source.Line("default: return 0;").Close().Close();
        }

        // An isolated extension's import of a call queued in the domain is bound to its stub;
        // 0 for a call that crosses (bound to the gate's entry for its wrapper).
        private static void EmitIsolatedAddresses(SourceWriter source, KernelApiModel api)
        {
            source.Open("public static ulong DomainQueueAddress(int index)").Open("switch (index)");
            foreach (var call in api.Calls)
            {
                if (!IsQueuedInDomain(call)) continue;
                source.Line("case " + call.Index + ": return (ulong)(" + Signatures.UnmanagedPointerType(call) + ")&DomainQueueStubs." + call.Name + ";");
            }
            source.Line("default: return 0;").Close().Close();
        }

        private static SourceWriter Begin(string classHeader) =>
            new SourceWriter().Line(Signatures.Header).Open("namespace " + Namespace).Open(classHeader);

        private static string ShortName(string type)
        {
            int dot = type.LastIndexOf('.');
            return dot < 0 ? type : type.Substring(dot + 1);
        }
    }
}

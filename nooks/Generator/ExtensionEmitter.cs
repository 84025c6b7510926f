namespace Nooks.Generator
{
    // Extension side: one extern per call. ILC compiles each to a direct call of an undefined
    // symbol, which the kernel's loader binds to the native function or to its wrapper.
    internal static class ExtensionEmitter
    {
        public static string Emit(KernelApiModel api)
        {
            var source = new SourceWriter()
                .Line(Signatures.Header)
                .Open("namespace Nooks.Api")
                .Open("public static unsafe partial class Kernel");
            foreach (var call in api.Calls)
            {
                if (call.Index > 0) source.Line();
                source.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.InternalCall), global::System.Runtime.RuntimeImport(\"*\", " + Signatures.Literal(call.Symbol) + ")]")
                    .Line("public static extern " + call.ReturnType + " " + call.Name + "(" + Signatures.Parameters(call) + ");");
            }
            return source.Close().Close().ToString();
        }
    }
}

using System.Runtime.CompilerServices;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Arch;
using Nooks.Loader;

namespace Nooks.Diagnostics
{
    // `nooks bench [ITERATIONS]`: what the isolation path costs, in TSC cycles per operation
    // (under QEMU -icount the TSC counts instructions, so the same command gives instruction
    // counts). Uses the null extension, loaded natively and isolated side by side in one run,
    // and, when `faulty` is loaded isolated, the time to detect a fault and to recover.
    public static class XpcBenchmark
    {
        private const int DefaultIterations = 2000;
        private const int Rounds = 5;
        private const string NativeName = "null.native", IsolatedName = "null.isolated";

        public static string Run(string args)
        {
            int iterations = DefaultIterations;
            if (args.Length > 0 && (!System.Text.NumberFormat.TryParseDecimal(args, out iterations) || iterations <= 0))
                return "usage: nooks bench [ITERATIONS]\n";

            bool loadedNative = Ensure(NativeName, ExtensionMode.Native, out Extension native, out string error);
            if (native == null) return $"nooks bench: {error}\n";
            bool loadedIsolated = Ensure(IsolatedName, ExtensionMode.Isolated, out Extension isolated, out error);
            if (isolated == null) return $"nooks bench: {error}\n";

            ulong nativeNull = ExtensionLoader.FindExport(native, "nx_null");
            ulong isolatedNull = ExtensionLoader.FindExport(isolated, "nx_null");
            ulong nativeLoop = ExtensionLoader.FindExport(native, "nx_call_kernel");
            ulong isolatedLoop = ExtensionLoader.FindExport(isolated, "nx_call_kernel");

            ulong functionCall = MeasureFunction(iterations);
            ulong nativeCall = MeasureCalls(native, nativeNull, iterations);
            ulong xpc = MeasureCalls(isolated, isolatedNull, iterations);
            ulong nativeApi = MeasureLoop(native, nativeLoop, iterations, nativeCall);
            ulong wrappedApi = MeasureLoop(isolated, isolatedLoop, iterations, xpc);

            string text = $"isolation costs, TSC cycles per operation (instructions under -icount), best of {Rounds} x {iterations}:\n"
                + $"  kernel function call (null call)         {functionCall,8}\n"
                + $"  kernel -> native extension call          {nativeCall,8}\n"
                + $"  kernel -> isolated extension (XPC round) {xpc,8}\n"
                + $"  native extension -> kernel call          {nativeApi,8}\n"
                + $"  isolated extension -> kernel (wrapped)   {wrappedApi,8}\n"
                + $"  XPC / native call ratio                  {Ratio(xpc, nativeCall)}\n"
                + $"  wrapped / native kernel call ratio       {Ratio(wrappedApi, nativeApi)}\n";
            text += FaultTiming();

            if (loadedNative) ExtensionLifecycle.Unload(native);
            if (loadedIsolated) ExtensionLifecycle.Unload(isolated);
            return text;
        }

        private static string Ratio(ulong a, ulong b) => b == 0 ? "n/a" : $"{a / b}.{a * 10 / b % 10}";

        private static bool Ensure(string name, ExtensionMode mode, out Extension ext, out string error)
        {
            error = null;
            ext = ExtensionRegistry.Find(name);
            if (ext != null && ext.IsRunning) return false;
            error = ExtensionLifecycle.Load("null", mode, name);
            ext = error == null ? ExtensionRegistry.Find(name) : null;
            return true;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long Empty(long value) => value;

        private static ulong MeasureFunction(int iterations)
        {
            ulong best = ulong.MaxValue;
            for (int r = 0; r < Rounds; r++)
            {
                ulong start = Cpu.ReadTsc();
                long sum = 0;
                for (int i = 0; i < iterations; i++) sum += Empty(i);
                ulong per = (Cpu.ReadTsc() - start) / (ulong)iterations;
                if (sum >= 0 && per < best) best = per;
            }
            return best;
        }

        private static ulong MeasureCalls(Extension ext, ulong function, int iterations)
        {
            ulong best = ulong.MaxValue;
            for (int r = 0; r < Rounds; r++)
            {
                ulong start = Cpu.ReadTsc();
                for (int i = 0; i < iterations; i++) Gate.Call(ext, function, i);
                ulong per = (Cpu.ReadTsc() - start) / (ulong)iterations;
                if (per < best) best = per;
            }
            return best;
        }

        // One call into the extension that makes `iterations` kernel calls; the cost of the
        // crossing in is subtracted.
        private static ulong MeasureLoop(Extension ext, ulong function, int iterations, ulong entryCost)
        {
            ulong best = ulong.MaxValue;
            for (int r = 0; r < Rounds; r++)
            {
                ulong start = Cpu.ReadTsc();
                Gate.Call(ext, function, iterations);
                ulong elapsed = Cpu.ReadTsc() - start;
                ulong per = (elapsed > entryCost ? elapsed - entryCost : 0) / (ulong)iterations;
                if (per < best) best = per;
            }
            return best;
        }

        private static string FaultTiming()
        {
            Extension faulty = ExtensionRegistry.Find("faulty");
            if (faulty == null || !faulty.IsRunning || !faulty.IsIsolated) return "  (load faulty isolated to also time fault detection and recovery)\n";
            ulong before = Kernel.Console.Log.Now();
            Commands.KernelCommands.Execute("fault null-deref");
            ulong detect = faulty.LastFaultNanos - before;
            return $"  fault detection (null-deref, command to fault)  {detect / 1000} us\n"
                + $"  recovery (release, reload, init)                {faulty.LastRecoveryNanos / 1000} us\n";
        }
    }
}

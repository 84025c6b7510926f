using System;
using System.Runtime;
using System.Runtime.InteropServices;
using Nooks.Kernel.Acpi;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Boot;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Abi;
using Nooks.Kernel.Info;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;
using Nooks.Kernel.Syscalls;
using Nooks.Kernel.Runtime;
using Nooks.Kernel.Threading;
using Nooks.Kernel.Time;

namespace Nooks.Kernel
{
    public static unsafe class Kmain
    {
        public const string Banner = "Nooks.OS 0.1 (x86_64, C# NativeAOT kernel)";

        public static BootInfo Boot { get; private set; }

        [UnmanagedCallersOnly(EntryPoint = "kmain")]
        public static void Main(uint magic, ulong bootInfo, void** modulesStart, void** modulesEnd)
        {
            Serial.Initialize();
            if (modulesStart == modulesEnd || !ImageStartup.Run(*modulesStart))
            {
                Terminal.WriteRaw("kernel image has no ReadyToRun header\n");
                Cpu.HaltForever();
            }
            Terminal.WriteRaw("\n" + Banner + "\n");

            Boot = MultibootParser.Parse(magic, bootInfo, &ReadPhysical);
            if (Boot.Error != null) Panic.Halt($"boot information: {Boot.Error}");
            if (Boot.RegionCount == 0) Panic.Halt("the bootloader gave no memory map");
            Log.Info("boot", $"loader {Boot.Loader}, command line '{Boot.CommandLine}', {Boot.ModuleCount} modules");

            FrameAllocator.Initialize(Boot);
            KernelHeap.FramesAvailable();
            KernelPaging.Initialize(Boot);
            Log.Info("mem", $"{FrameAllocator.TotalBytes / 1024} KiB usable, {FrameAllocator.FreeBytes / 1024} KiB free, kernel image {KernelLayout.ImageStart:x}-{KernelLayout.ImageEnd:x}");
            Log.Info("mem", $"extensions' frames: {FrameAllocator.ExtensionZoneStart:x}-{FrameAllocator.ExtensionZoneEnd:x} ({(FrameAllocator.ExtensionZoneEnd - FrameAllocator.ExtensionZoneStart) / 1024} KiB), not visible from protection domains");
            Gdt.Initialize();
            Idt.Initialize();
            Log.Info("cpu", "GDT, TSS with IST stacks and IDT loaded");
            InterfaceDispatchSelfTest.Run();
            MemInfo.Register();
            Pci.Pci.Initialize();

            AcpiTables.Initialize();
            Irq.Initialize(AcpiTables.Madt);
            SystemTimer.Calibrate();
            Scheduler.Initialize();
            SystemTimer.Start();
            ThreadsReport.Register();
            UptimeReport.Register();
            InterruptsReport.Register();
            Cpu.EnableInterrupts();
            if (!ConsoleInput.Initialize()) Log.Error("console", "no serial input: the console cannot read commands");

            Net.NetStack.Initialize(Boot.CommandLine);
            Nooks.NooksManager.Initialize();
            Nooks.NooksManager.LoadFromCommandLine(Boot.CommandLine);
            SyscallSetup.Initialize();
            UserFaults.Initialize();
            SystemReports.Register();

            // Before the thread demo, whose threads would come and go during the measurement.
            if (Boot.HasOption(SpawnSelfTest.Option)) SpawnSelfTest.Run();
            if (Boot.HasOption("selftest")) ThreadSelfTest.Start();
            if (StartInit()) Scheduler.Exit();
            // Without init, the kernel's own console keeps the machine usable.
            BootConsole.Run();
        }

        private const string InitProgram = "init";

        private static bool StartInit()
        {
            if (Boot.FindModule(InitProgram) == null)
            {
                Log.Error("init", "no init program among the boot modules; boot with -initrd out/user/init,out/user/sh,...");
                return false;
            }
            long pid = ProcessTable.Spawn(InitProgram, "", null);
            if (pid < 0) { Log.Error("init", $"cannot start init: {Errno.Name(pid)}"); return false; }
            Log.Info("init", $"started init as pid {pid}; the boot thread is done");
            return true;
        }

        private static ReadOnlySpan<byte> ReadPhysical(ulong address, int length) => new ReadOnlySpan<byte>((void*)address, length);
    }
}

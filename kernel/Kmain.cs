using System;
using System.Runtime;
using System.Runtime.InteropServices;
using Nooks.Kernel.Acpi;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Boot;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Memory;
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

            ThreadSelfTest.Start(HasOption(Boot.CommandLine, "selftest"));
            BootConsole.Run();
        }

        private static bool HasOption(string commandLine, string option)
        {
            ReadOnlySpan<char> rest = commandLine;
            while (!rest.IsEmpty)
            {
                int space = rest.IndexOf(' ');
                ReadOnlySpan<char> word = space < 0 ? rest : rest.Slice(0, space);
                if (word.SequenceEqual(option)) return true;
                rest = space < 0 ? default : rest.Slice(space + 1);
            }
            return false;
        }

        private static ReadOnlySpan<byte> ReadPhysical(ulong address, int length) => new ReadOnlySpan<byte>((void*)address, length);
    }
}

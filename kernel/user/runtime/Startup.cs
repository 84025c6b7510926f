using System;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Nooks.User
{
    // What runs between _start (UserEntry.asm) and the program's Main.
    internal static unsafe class Startup
    {
        [UnmanagedCallersOnly(EntryPoint = "user_main")]
        private static void Run(char* argument, long argumentLength, void** modulesStart, void** modulesEnd)
        {
            if (modulesStart == modulesEnd || !ImageStartup.Run(*modulesStart))
            {
                Console.Error("program image has no ReadyToRun header\n");
                Process.Exit(ExitStatusNoImage);
            }
            string text = new string(new ReadOnlySpan<char>(argument, (int)argumentLength));
            Process.Exit(Program.Main(text));
        }

        private const int ExitStatusNoImage = 126;
    }
}

using System;
using System.Runtime.InteropServices;
using Nooks.Api;
using Nooks.Extension;

namespace Nooks.Drivers.E1000
{
    // `e1000`: what the device itself holds of the configuration the kernel gave the driver
    // (receive address, receive mode, receiver on or off), read from its registers, so that it
    // can be checked against `ifconfig` after the driver was restarted and the kernel replayed it.
    public static unsafe class Diagnostics
    {
        private const int BitsPerByte = 8;
        private const int MacBytes = 6;

        public static void Register()
        {
            byte* name = stackalloc byte[5] { (byte)'e', (byte)'1', (byte)'0', (byte)'0', (byte)'0' };
            long command = Kernel.RegisterCommand(name, 5, &Command);
            if (command <= 0) Klog.Warn($"no `e1000` diagnostics command ({command})");
        }

        [UnmanagedCallersOnly]
        private static int Command(byte* args, int argsLength, byte* output, int capacity)
        {
            var reply = new CommandReply(output, capacity);
            uint rctl = Hardware.Read(Registers.RCTL);
            reply.Line($"CTRL 0x{Hardware.Read(Registers.CTRL):x8} STATUS 0x{Hardware.Read(Registers.STATUS):x8} RCTL 0x{rctl:x8} TCTL 0x{Hardware.Read(Registers.TCTL):x8}");
            reply.Line($"receiver {OnOff(rctl & Rctl.EN)}, unicast promiscuous {OnOff(rctl & Rctl.UPE)}, multicast promiscuous {OnOff(rctl & Rctl.MPE)}");
            ulong mac = Hardware.ReceiveAddress();
            Span<char> text = stackalloc char[3 * MacBytes - 1];
            int n = 0;
            for (int i = MacBytes - 1; i >= 0; i--)
            {
                byte b = (byte)(mac >> (i * BitsPerByte));
                text[n++] = HexDigit(b >> 4);
                text[n++] = HexDigit(b & 0xF);
                if (i > 0) text[n++] = ':';
            }
            reply.Line($"receive address 0 {new string(text)}");
            return reply.Length;
        }

        private static string OnOff(uint bit) => bit != 0 ? "on" : "off";

        private static char HexDigit(int v) => (char)(v < 10 ? '0' + v : 'a' + v - 10);
    }
}

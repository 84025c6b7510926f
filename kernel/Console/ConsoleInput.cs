using System;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Threading;

namespace Nooks.Kernel.Console
{
    // Keyboard input from COM1: the receive interrupt moves bytes into a ring buffer, readers
    // take them out, sleeping on a wait queue while it is empty.
    public static unsafe class ConsoleInput
    {
        private const int Com1IsaIrq = 4;
        private const int BufferSize = 1024;

        private static readonly byte[] buffer = new byte[BufferSize];
        private static int readIndex, writeIndex, count;
        private static ulong dropped;
        private static SpinLock bufferLock;
        private static readonly WaitQueue readers = new WaitQueue();
        private static readonly LineDiscipline discipline = new LineDiscipline();
        private static readonly Mutex lineReader = new Mutex("console line reader");

        public static ulong DroppedBytes => dropped;

        public static bool Initialize()
        {
            if (Irq.RegisterIsa(Com1IsaIrq, &OnReceive, "com1") == Irq.InvalidGsi) return false;
            bufferLock.Acquire();
            for (int i = 0; Serial.TryTakeEarly(i, out byte b) && count < BufferSize; i++)
            {
                buffer[writeIndex] = b;
                writeIndex = (writeIndex + 1) % BufferSize;
                count++;
            }
            bufferLock.Release();
            Serial.EnableReceiveInterrupt();
            return true;
        }

        // Drains the UART's FIFO; a full buffer drops input rather than stall the interrupt.
        private static void OnReceive(InterruptFrame* frame)
        {
            bool any = false;
            bufferLock.Acquire();
            while (Serial.TryRead(out byte b))
            {
                if (count == BufferSize) { dropped++; continue; }
                buffer[writeIndex] = b;
                writeIndex = (writeIndex + 1) % BufferSize;
                count++;
                any = true;
            }
            bufferLock.Release();
            if (any) readers.WakeAll();
        }

        // A character if one is waiting, without blocking.
        public static bool TryReadChar(out char c)
        {
            bufferLock.Acquire();
            bool got = count > 0;
            c = got ? Take() : '\0';
            bufferLock.Release();
            return got;
        }

        public static char ReadChar()
        {
            Scheduler.AssertMaySleep("ConsoleInput.ReadChar");
            bufferLock.Acquire();
            while (count == 0) readers.Wait(ref bufferLock);
            char c = Take();
            bufferLock.Release();
            return c;
        }

        // Reads one edited line into `line` (echoing it) and returns its length. One reader at a
        // time, so that two threads' lines do not interleave.
        public static int ReadLine(Span<char> line)
        {
            lineReader.Lock();
            int length = 0;
            while (true)
            {
                bool done = discipline.Feed(ReadChar(), line, ref length, out ReadOnlySpan<char> echo);
                if (!echo.IsEmpty) Terminal.Write(echo);
                if (done) break;
            }
            lineReader.Unlock();
            return length;
        }

        private static char Take()
        {
            byte b = buffer[readIndex];
            readIndex = (readIndex + 1) % BufferSize;
            count--;
            return (char)b;
        }
    }
}

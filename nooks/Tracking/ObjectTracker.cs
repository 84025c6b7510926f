using Nooks.Api;

namespace Nooks.Tracking
{
    public struct TrackedObject
    {
        public ObjectKind Kind;
        public ulong Value;      // the handle or address the extension holds
        public ulong Size;       // bytes, for memory-like objects
        public int Origin;       // API call index that created it
    }

    // Everything one extension holds in the kernel (memory, DMA buffers, IRQ lines, timers,
    // locks, devices, commands) and every entry point it registered, so that recovery can release
    // and unregister all of it.
    public sealed class ObjectTracker
    {
        private const int InitialCapacity = 64;
        private TrackedObject[] objects = new TrackedObject[InitialCapacity];
        private ulong[] entryPoints = new ulong[InitialCapacity / 4];
        private int count;
        private int entryPointCount;

        public int Count => count;
        public TrackedObject this[int index] => objects[index];
        public int EntryPointCount => entryPointCount;
        public ulong EntryPoint(int index) => entryPoints[index];

        public void Add(ObjectKind kind, ulong value, int origin, ulong size = 0)
        {
            if (count == objects.Length)
            {
                TrackedObject[] old = objects;
                objects = Grow(old);
                Kernel.Memory.KernelHeap.FreeObject(old);
            }
            objects[count++] = new TrackedObject { Kind = kind, Value = value, Size = size, Origin = origin };
        }

        public bool Holds(ObjectKind kind, ulong value) => IndexOf(kind, value) >= 0;

        public ulong SizeOf(ObjectKind kind, ulong value)
        {
            int i = IndexOf(kind, value);
            return i < 0 ? 0 : objects[i].Size;
        }

        public bool Remove(ObjectKind kind, ulong value)
        {
            int i = IndexOf(kind, value);
            if (i < 0) return false;
            objects[i] = objects[--count];
            return true;
        }

        public void AddEntryPoint(ulong address, int origin)
        {
            for (int i = 0; i < entryPointCount; i++) if (entryPoints[i] == address) return;
            if (entryPointCount == entryPoints.Length)
            {
                ulong[] bigger = new ulong[entryPoints.Length * 2];
                for (int i = 0; i < entryPointCount; i++) bigger[i] = entryPoints[i];
                Kernel.Memory.KernelHeap.FreeObject(entryPoints);
                entryPoints = bigger;
            }
            entryPoints[entryPointCount++] = address;
        }

        public int CountOf(ObjectKind kind)
        {
            int n = 0;
            for (int i = 0; i < count; i++) if (objects[i].Kind == kind) n++;
            return n;
        }

        public ulong BytesOf(ObjectKind kind)
        {
            ulong n = 0;
            for (int i = 0; i < count; i++) if (objects[i].Kind == kind) n += objects[i].Size;
            return n;
        }

        public void ClearEntryPoints() => entryPointCount = 0;

        public void Free()
        {
            Kernel.Memory.KernelHeap.FreeObject(objects);
            Kernel.Memory.KernelHeap.FreeObject(entryPoints);
            Kernel.Memory.KernelHeap.FreeObject(this);
        }

        private int IndexOf(ObjectKind kind, ulong value)
        {
            for (int i = count - 1; i >= 0; i--)
                if (objects[i].Kind == kind && objects[i].Value == value) return i;
            return -1;
        }

        private static TrackedObject[] Grow(TrackedObject[] old)
        {
            var bigger = new TrackedObject[old.Length * 2];
            for (int i = 0; i < old.Length; i++) bigger[i] = old[i];
            return bigger;
        }
    }
}

namespace Nooks.Extensions
{
    // Every extension the kernel knows, loaded or not.
    public static class ExtensionRegistry
    {
        private const int Capacity = 32;
        private static readonly Extension[] extensions = new Extension[Capacity];
        private static int count;

        public static int Count => count;
        public static Extension At(int index) => extensions[index];

        public static Extension Find(string name)
        {
            for (int i = 0; i < count; i++) if (extensions[i].Name == name) return extensions[i];
            return null;
        }

        public static int IndexOf(Extension e)
        {
            for (int i = 0; i < count; i++) if (extensions[i] == e) return i;
            return -1;
        }

        public static bool Add(Extension e)
        {
            if (count == Capacity) return false;
            extensions[count++] = e;
            return true;
        }

        public static void Remove(Extension e)
        {
            int i = IndexOf(e);
            if (i < 0) return;
            extensions[i] = extensions[--count];
            extensions[count] = null;
        }

        // The extension whose image contains `address`, if any.
        public static Extension ContainingCode(ulong address)
        {
            for (int i = 0; i < count; i++)
                if (extensions[i].Image != null && extensions[i].Image.Contains(address)) return extensions[i];
            return null;
        }
    }
}

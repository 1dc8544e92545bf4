package nl.spil.packaging;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a class file's constant pool names: read directly, as the JVM specification lays it out (§4.4); and a jar entry's bytes. */
final class ClassFiles {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w/$]*);");

    /** The pool's texts and which of them are class names. */
    record Pool(List<String> texts, List<String> classNames) {
    }

    private ClassFiles() {
    }

    /** The bytes of one entry of a jar. */
    static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    static Pool pool(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndexes = new int[count];
            int classes = 0;
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndexes[classes++] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            List<String> texts = new ArrayList<>();
            for (String text : utf8) {
                if (text != null) {
                    texts.add(text);
                }
            }
            List<String> classNames = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                classNames.add(utf8[classIndexes[c]]);
            }
            return new Pool(texts, classNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class a class file names: its constant pool's classes and the classes in its descriptors. */
    static Set<String> referencedClasses(byte[] classFile) {
        Pool pool = pool(classFile);
        Set<String> names = new TreeSet<>();
        for (String name : pool.classNames()) {
            if (name.startsWith("[")) {
                addDescriptorClasses(name, names);
            } else {
                names.add(name);
            }
        }
        for (String text : pool.texts()) {
            if (text.indexOf(';') > 0) {
                addDescriptorClasses(text, names);
            }
        }
        return names;
    }

    private static void addDescriptorClasses(String text, Set<String> names) {
        Matcher m = DESCRIPTOR_CLASS.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }
}

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws COUNT photos 1.jpg … COUNT.jpg (1200×800, each its own colours) into DIR: bench/import/media.sh's uploads. */
public class MakeUploads {
    public static void main(String[] args) throws Exception {
        var dir = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int k = 1; k <= count; k++) {
            var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setPaint(new java.awt.GradientPaint(0, 0, new Color(k * 37 % 256, 80, 160), 1200, 800, Color.WHITE));
            g.fillRect(0, 0, 1200, 800);
            g.setColor(new Color(240, k * 11 % 256, 40));
            g.fillOval(200 + k % 400, 150, 500, 400);
            g.dispose();
            ImageIO.write(image, "jpg", dir.resolve(k + ".jpg").toFile());
        }
    }
}

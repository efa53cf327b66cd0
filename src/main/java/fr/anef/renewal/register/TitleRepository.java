package fr.anef.renewal.register;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TitleRepository extends JpaRepository<ResidenceTitle, String> {

  List<ResidenceTitle> findByForeignerNumber(String foreignerNumber);
}
